package dev.cachedeck.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RepeatSummaryTest {

    @Test
    void everyRatioGetsItsMedianAndItsRangeOverTheRuns() {
        RepeatSummary summary = RepeatSummary.of(List.of(
                ReportFixtures.report(9.6, 1, 1000, 2000, false),
                ReportFixtures.report(10.6, 1, 1000, 3000, false),
                ReportFixtures.report(12.0, 1, 1000, 1500, false)));
        Map<String, RatioSpread> byName = summary.ratios().stream()
                .collect(Collectors.toMap(RatioSpread::name, Function.identity()));

        assertEquals(3, summary.runs());
        assertEquals(new RatioSpread("off -> warm p50 speed-up", 10.6, 9.6, 12.0, 3), byName.get("off -> warm p50 speed-up"));
        assertEquals(new RatioSpread("off -> warm throughput gain (capacity)", 2.0, 1.5, 3.0, 3),
                byName.get("off -> warm throughput gain (capacity)"));
        assertEquals(new RatioSpread("warm capacity / ceiling", 0.2, 0.15, 0.3, 3),
                byName.get("warm capacity / ceiling"));
        assertEquals(new RatioSpread("target p50 off / warm", 10.6, 9.6, 12.0, 3), byName.get("target p50 off / warm"));
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        assertEquals(new RatioSpread("x", 2.5, 1, 10, 4), RepeatSummary.spread("x", List.of(10.0, 1.0, 3.0, 2.0)));
    }
}
