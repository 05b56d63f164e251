package dev.cachedeck.desktop.keys;

import dev.cachedeck.model.keys.KeyInfo;
import java.time.Instant;

/** A listed key and when its TTL was read, so the countdown is computed, not re-fetched. */
public record KeyRow(KeyInfo info, Instant fetchedAt) {
}
