package dev.cachedeck.desktop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidationRowTest {
    private static final InvalidationLogEntry ENTRY = new InvalidationLogEntry(Instant.parse("2026-11-25T10:15:30.250Z"),
            "127.0.0.1:8080", "manual user 3", "admin", List.of("payments:3", "user:3"), Map.of(Tier.MODEL, 1L, Tier.RESPONSE, 2L),
            1_250, true);

    @Test
    void keysRemovedReadInTierOrderAndNoneWhenNothingWasCached() {
        assertEquals("API response 2 · Model instance 1", InvalidationRow.keysRemoved(ENTRY));
        InvalidationLogEntry nothing = new InvalidationLogEntry(ENTRY.at(), ENTRY.instance(), "ReviewChanged", "POST /api/reviews",
                List.of("user:3"), Map.of(), 80, true);
        assertEquals("none", InvalidationRow.keysRemoved(nothing));
    }

    @Test
    void rowAndSentenceSayWhatHappened() {
        InvalidationRow row = InvalidationRow.of(ENTRY, ZoneOffset.UTC);
        assertEquals("10:15:30.250", row.at());
        assertEquals("1.25 ms", row.took());
        assertEquals("payments:3, user:3", row.tags());
        assertEquals("Invalidated user 3: 2 tags, 3 keys removed (API response 2 · Model instance 1) in 1.25 ms.",
                InvalidationRow.sentence(ENTRY));
        InvalidationLogEntry skipped = new InvalidationLogEntry(ENTRY.at(), ENTRY.instance(), ENTRY.cause(), ENTRY.route(),
                ENTRY.tags(), Map.of(), 10, false);
        assertEquals("no: Redis down, flushed on recovery", InvalidationRow.of(skipped, ZoneOffset.UTC).applied());
    }
}
