package dev.cachedeck.model.api;

import java.math.BigDecimal;

/** Aggregates shown on a profile; each one is why a write elsewhere must invalidate the profile. */
public record ProfileStats(
        long reviewsReceived,
        BigDecimal averageRating,
        long reviewsWritten,
        long jobsPosted,
        long openJobs,
        long paymentsReceived,
        long paymentsMade) {
}
