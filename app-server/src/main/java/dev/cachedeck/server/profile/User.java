package dev.cachedeck.server.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A user row: the model-tier entity behind profiles, names in lists and client summaries. */
public record User(
        long id,
        String displayName,
        String bio,
        List<String> skills,
        BigDecimal hourlyRate,
        String location,
        boolean client,
        Instant memberSince,
        Instant updatedAt) {
}
