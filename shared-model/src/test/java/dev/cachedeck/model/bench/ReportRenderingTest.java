package dev.cachedeck.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    @Test
    void timestampsReadAsSecondsInUtc() {
        assertEquals("2026-12-01 09:55:43 UTC", ReportHtml.timestamp(Instant.parse("2026-12-01T09:55:43.987654321Z")));
    }

    @Test
    void aSaturatedPhaseIsLabelledAndItsRatiosReadAsQueueing() {
        BenchReport report = ReportFixtures.report(640, 1.1, 650, 3000, true);
        String text = TextSummary.of(report);
        String html = ReportHtml.of(report, text);

        assertTrue(text.contains("off SATURATED"), text);
        assertTrue(text.contains("latency ratios measure queueing delay"), text);
        assertTrue(text.contains("chosen by calibration"), text);
        assertTrue(text.contains("ceiling: 10000 req/s"), text);
        assertTrue(html.contains("off saturated.") && html.contains("queueing delay"), "html labels it");
        assertFalse(ReportHtml.of(ReportFixtures.report(5, 1, 650, 3000, false), text).contains("class=\"warning\""),
                "no warning when every phase kept up");
    }

    @Test
    void theGeneratorsCpuPerRequestIsShownNextToTheCapacities() {
        BenchReport report = ReportFixtures.report(5, 1, 650, 3000, false);
        String text = TextSummary.of(report);

        assertTrue(text.contains("generator 10.0 us CPU per request"), text);
        assertTrue(text.contains("generator CPU per request in the capacity runs (its worker threads): off 10.0 us, "
                + "warm 10.0 us"), text);
        assertTrue(ReportHtml.of(report, text).contains("10.0 µs of CPU per request"));
    }

    @Test
    void eachPhaseSaysWhichInstancesAnsweredAndTheirShare() {
        String text = TextSummary.of(ReportFixtures.report(5, 1, 650, 3000, false));

        assertTrue(text.contains("off answered by: 127.0.0.1:8081 600 (60.0%), 127.0.0.1:8082 400 (40.0%)"), text);
    }

    @Test
    void thePageIsSelfContainedWithThePlotsInline() {
        BenchReport report = ReportFixtures.report(5, 1, 650, 3000, false);
        String html = ReportHtml.of(report, TextSummary.of(report));

        assertTrue(html.contains("Latency over time"));
        assertTrue(html.contains("Latency distribution"));
        assertTrue(html.contains("Throughput over time"));
        assertTrue(html.contains("99.99 %"), "the distribution's axis reaches 99.99 %");
        assertTrue(html.contains("<polyline"), "lines are drawn");
        assertTrue(html.contains("2026-12-01 09:55:43 UTC"));
        assertFalse(html.contains("09:55:43.123"), "no raw ISO timestamps");
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), "nothing to fetch");
    }
}
