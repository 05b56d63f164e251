package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.util.Map;

/** Completed payment sums per currency, in and out, over the user's whole history. */
public record PaymentTotals(long count, Map<String, BigDecimal> received, Map<String, BigDecimal> paid) {
}
