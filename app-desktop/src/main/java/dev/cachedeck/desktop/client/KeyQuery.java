package dev.cachedeck.desktop.client;

import dev.cachedeck.model.Tier;
import java.util.Optional;

/**
 * One SCAN page of the key browser: keys matching {@code pattern} (a Redis glob, {@code *} for all), narrowed
 * to {@code tier} when present, from {@code cursor} ({@code "0"} starts over), asking Redis to look at
 * {@code count} slots.
 */
public record KeyQuery(String pattern, Optional<Tier> tier, String cursor, int count) {
}
