package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {
    private static final Population POPULATION = new Population(1.0, "H2", "embedded",
            LongStream.rangeClosed(1, 2_000).toArray(), LongStream.rangeClosed(1, 500).toArray(),
            LongStream.rangeClosed(1, 8_000).toArray());

    private static TrafficPlan plan(long seed) {
        return new TrafficPlan(POPULATION, 5, 1.0, seed);
    }

    private static List<String> signatures(TrafficPlan.Sequence sequence, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(sequence.next().signature());
        }
        return out;
    }

    @Test
    void everyMeasuredSequenceOfAScenarioSendsTheSameRequestsWritesIncluded() {
        TrafficPlan plan = plan(42);
        List<String> first = signatures(plan.sequence(TrafficPlan.Stream.MEASURED), 5_000);
        List<String> second = signatures(plan.sequence(TrafficPlan.Stream.MEASURED), 5_000);
        assertEquals(first, second);
        assertTrue(first.stream().anyMatch(s -> s.startsWith("POST ")) && first.stream().anyMatch(s -> s.startsWith("PUT ")),
                "writes are part of the sequence");
        assertEquals(first, signatures(plan(42).sequence(TrafficPlan.Stream.MEASURED), 5_000),
                "the seed alone fixes the sequence");
        assertNotEquals(first, signatures(plan(43).sequence(TrafficPlan.Stream.MEASURED), 5_000));
    }

    /**
     * The digest of seed 42's first 5,000 measured requests as the generator sent them before it moved out of the
     * server's process (java.net.http, commit 62ddbf3): whichever process and client send the traffic, the seeded
     * sequence stays the one earlier reports were measured with.
     */
    @Test
    void theSeededSequenceIsTheOneEarlierReportsWereMeasuredWith() {
        TrafficPlan.Sequence measured = plan(42).sequence(TrafficPlan.Stream.MEASURED);
        PhaseRecorder recorder = new PhaseRecorder(PhaseName.WARM, TrafficPlan.routeNames(), 1, 1);
        for (int i = 0; i < 5_000; i++) {
            recorder.scheduled(measured.next(), i);
        }
        assertEquals("4359eef1c275db11", recorder.result(1, true).trafficDigest());
    }

    @Test
    void warmupDrawsItsOwnSequenceOverTheSamePopularity() {
        TrafficPlan plan = plan(42);
        List<String> measured = signatures(plan.sequence(TrafficPlan.Stream.MEASURED), 20_000);
        List<String> warmup = signatures(plan.sequence(TrafficPlan.Stream.WARMUP), 20_000);
        assertNotEquals(measured.subList(0, 100), warmup.subList(0, 100), "the warm-up does not pre-play the window");
        assertEquals(mostRequested(measured), mostRequested(warmup), "the same profile is the hottest in both");
    }

    private static String mostRequested(List<String> signatures) {
        return signatures.stream().filter(s -> s.startsWith("GET " + ApiPaths.profile(0).replace("/0", "/")))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
