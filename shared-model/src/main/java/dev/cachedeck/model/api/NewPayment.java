package dev.cachedeck.model.api;

import java.math.BigDecimal;

/** Body of {@code POST /api/payments}. */
public record NewPayment(Long payerId, Long payeeId, Long jobId, BigDecimal amount, String currency) {
}
