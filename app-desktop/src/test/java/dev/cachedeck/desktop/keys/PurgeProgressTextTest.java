package dev.cachedeck.desktop.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.keys.PurgeProgress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeProgressTextTest {
    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void whileTheServerSelectsKeysTheAmountIsUnknown() {
        PurgeProgress selecting = new PurgeProgress(true, 0, 0, START);
        assertEquals(PurgeProgressModel.UNKNOWN, PurgeProgressModel.fractionOf(selecting));
        assertEquals("Purging: selecting keys…", PurgeProgressModel.describe(selecting));
    }

    @Test
    void removedKeysAreShownAgainstThePlannedOnes() {
        PurgeProgress halfway = new PurgeProgress(true, 1_000_000, 250_000, START);
        assertEquals(0.25, PurgeProgressModel.fractionOf(halfway));
        assertEquals("Purging: 250,000 of 1,000,000 keys removed (25%)…", PurgeProgressModel.describe(halfway));
    }

    @Test
    void anEntityPurgeThatRemovesMoreThanItPlannedStopsAtFull() {
        // Keys cached between the selection and the removal go too, so removed can pass planned.
        assertEquals(1.0, PurgeProgressModel.fractionOf(new PurgeProgress(true, 10, 12, START)));
    }
}
