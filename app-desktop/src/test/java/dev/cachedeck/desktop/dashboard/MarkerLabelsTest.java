package dev.cachedeck.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.monitor.TimelineMarker;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkerLabelsTest {

    private static String shortLabel(String kind, String label) {
        return MarkerLabels.shortLabel(new TimelineMarker(Instant.EPOCH, kind, label));
    }

    @Test
    void benchmarkPhasesAreNamedWhereTheirMeasurementStartsAndWarmUpsAreBareLines() {
        assertEquals("", shortLabel("phase", "bench off warm-up"));
        assertEquals("off", shortLabel("phase", "bench off measured"));
        assertEquals("cold", shortLabel("phase", "bench cold"));
        assertEquals("warm capacity", shortLabel("phase", "bench warm capacity"));
        assertEquals("redis-down", shortLabel("phase", "bench redis-down measured"));
        assertEquals("done", shortLabel("phase", "bench done"));
    }

    @Test
    void outagesAndPurgesGetShortNamesOtherKindsKeepTheirLabel() {
        assertEquals("Redis skipped", shortLabel("outage", "redis circuit open: failures=3 last=RedisCommandTimeoutException"));
        assertEquals("Redis back", shortLabel("outage", "redis circuit closed, 812 keys flushed"));
        assertEquals("purge", shortLabel("purge", "pattern q:* removed=120"));
        assertEquals("query tier off", shortLabel("toggle", "query tier off"));
    }
}
