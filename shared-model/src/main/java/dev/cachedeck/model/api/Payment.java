package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment between two users. */
public record Payment(
        long id,
        long payerId,
        long payeeId,
        Long jobId,
        BigDecimal amount,
        String currency,
        PaymentStatus status,
        Instant createdAt) {
}
