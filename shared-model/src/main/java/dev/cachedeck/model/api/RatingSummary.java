package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.util.List;

/** Rating aggregate over all reviews a user received; {@code distribution[i]} counts rating {@code i + 1}. */
public record RatingSummary(long count, BigDecimal average, List<Long> distribution) {
}
