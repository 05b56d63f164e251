package dev.cachedeck.desktop.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.TraceSpan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaterfallLayoutTest {
    private static final TraceSpan RESPONSE_MISS = new TraceSpan(TraceSpan.Kind.TIER, "RESPONSE", "cd:api:job:/api/jobs/7",
            "MISS", 0, 250);
    private static final TraceSpan SQL = new TraceSpan(TraceSpan.Kind.SQL, "SELECT * FROM jobs WHERE id = ?", null, null,
            500, 1_000);
    private static final TraceSpan MODEL_BYPASS = new TraceSpan(TraceSpan.Kind.TIER, "MODEL", "cd:m:job:7", "BYPASS",
            300, 0);
    private static final TraceSpan SERIALIZATION = new TraceSpan(TraceSpan.Kind.SERIALIZATION, "response body", null,
            null, 1_600, 400);

    private static RequestTrace trace(long totalMicros, TraceSpan... spans) {
        return new RequestTrace(1, "127.0.0.1:8080", Instant.EPOCH, "GET", "job", "/api/jobs/7", 200, totalMicros, 1, List.of(spans));
    }

    @Test
    void barsAreInStartOrderAndProportionalToMicroseconds() {
        // Listed in the order they ended, as the server sends them.
        WaterfallLayout layout = WaterfallLayout.of(trace(2_000, RESPONSE_MISS, MODEL_BYPASS, SQL, SERIALIZATION), 1_000);

        assertEquals(List.of(RESPONSE_MISS, MODEL_BYPASS, SQL, SERIALIZATION),
                layout.bars().stream().map(WaterfallLayout.Bar::span).toList());
        assertEquals(List.of(0, 1, 2, 3), layout.bars().stream().map(WaterfallLayout.Bar::row).toList());
        WaterfallLayout.Bar sql = layout.bars().get(2);
        assertEquals(250, sql.x(), 1e-9);
        assertEquals(500, sql.width(), 1e-9);
        assertEquals(0.5, layout.pixelsPerMicro(), 1e-9);
    }

    @Test
    void aZeroLengthSpanStillGetsAVisibleSliverInsideTheArea() {
        WaterfallLayout layout = WaterfallLayout.of(trace(2_000, MODEL_BYPASS, new TraceSpan(TraceSpan.Kind.SQL, "x",
                null, null, 2_000, 0)), 400);
        assertEquals(WaterfallLayout.MIN_BAR_PIXELS, layout.bars().get(0).width(), 1e-9);
        WaterfallLayout.Bar atTheEnd = layout.bars().get(1);
        assertTrue(atTheEnd.x() + atTheEnd.width() <= 400 + 1e-9, atTheEnd.toString());
        assertEquals(WaterfallLayout.MIN_BAR_PIXELS, atTheEnd.width(), 1e-9);
    }

    @Test
    void theAxisCoversASpanThatEndsAfterTheRecordedTotal() {
        WaterfallLayout layout = WaterfallLayout.of(trace(1_500, SQL, SERIALIZATION), 1_000);
        assertEquals(2_000, layout.spanMicros());
        WaterfallLayout.Bar last = layout.bars().get(1);
        assertEquals(1_000, last.x() + last.width(), 1e-9);
    }

    @Test
    void axisStepsAreRoundAndAtMostEightPerAxis() {
        assertEquals(1, WaterfallLayout.step(7));
        assertEquals(20, WaterfallLayout.step(150));
        assertEquals(500, WaterfallLayout.step(2_000));
        assertEquals(20_000, WaterfallLayout.step(103_000));
        assertEquals(2_000_000, WaterfallLayout.step(9_000_000));

        WaterfallLayout layout = WaterfallLayout.of(trace(103_000, SQL), 1_030);
        assertEquals(List.of("0", "20 ms", "40 ms", "60 ms", "80 ms", "100 ms"),
                layout.ticks().stream().map(WaterfallLayout.Tick::label).toList());
        assertEquals(200, layout.ticks().get(1).x(), 1e-9);
    }

    @Test
    void axisLabelsUseMicrosecondsBelowAMillisecond() {
        assertEquals("0", WaterfallLayout.axisLabel(0));
        assertEquals("500 µs", WaterfallLayout.axisLabel(500));
        assertEquals("1 ms", WaterfallLayout.axisLabel(1_000));
        assertEquals("1.5 ms", WaterfallLayout.axisLabel(1_500));
    }

    @Test
    void spanLabelsNameTheTierWithItsOutcome() {
        assertEquals("API response MISS", WaterfallLayout.label(RESPONSE_MISS));
        assertEquals("Model instance BYPASS", WaterfallLayout.label(MODEL_BYPASS));
        assertEquals("SELECT * FROM jobs WHERE id = ?", WaterfallLayout.label(SQL));
        assertEquals("serialize response body", WaterfallLayout.label(SERIALIZATION));
    }
}
