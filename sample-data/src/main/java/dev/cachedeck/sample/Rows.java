package dev.cachedeck.sample;

import java.math.BigDecimal;
import java.time.Instant;

/** One record per table row the generator emits, in schema column order. */
public final class Rows {
    private Rows() {
    }

    public record UserRow(long id, String displayName, String email, String bio, String skills, BigDecimal hourlyRate,
                          String location, boolean client, Instant memberSince, Instant updatedAt, String apiToken) {
    }

    public record JobRow(long id, long clientId, String title, String description, BigDecimal budget, String status,
                         String skills, Instant createdAt, Instant updatedAt) {
    }

    public record ReviewRow(long id, long reviewerId, long reviewedId, Long jobId, int rating, String text,
                            boolean read, Instant createdAt) {
    }

    public record PaymentRow(long id, long payerId, long payeeId, Long jobId, BigDecimal amount, String currency,
                             String status, Instant createdAt) {
    }
}
