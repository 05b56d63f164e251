package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RouteRecorderTest {
    private static final long MILLI = 1_000_000;

    @Test
    void everyReadSeesAllLatenciesRecordedBeforeIt() {
        RouteRecorder recorder = new RouteRecorder("profile", false);
        recorder.answered(2 * MILLI, 200, Map.of(Tier.RESPONSE, "HIT"), 0);
        recorder.answered(4 * MILLI, 200, Map.of(Tier.RESPONSE, "MISS"), 2);
        assertEquals(2, recorder.latencySnapshot().getTotalCount());

        recorder.answered(6 * MILLI, 200, Map.of(Tier.RESPONSE, "MISS"), 2);
        recorder.failed(8 * MILLI);
        Histogram all = recorder.latencySnapshot();

        assertEquals(4, all.getTotalCount(), "a later read still holds what an earlier read handed over");
        assertEquals(5.0, all.getMean() / 1000, 0.01);
        assertEquals(8.0, all.getMaxValue() / 1000.0, 0.01);
        assertEquals(4, recorder.result(1.0, all).requests());
    }

    @Test
    void readsWhileRecordingLoseNothing() throws Exception {
        RouteRecorder recorder = new RouteRecorder("job", false);
        int writers = 8;
        int perWriter = 20_000;
        List<Future<?>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < writers; w++) {
                pending.add(threads.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        recorder.answered(MILLI, 200, Map.of(), 1);
                    }
                }));
            }
            long lastCount = 0;
            while (!pending.stream().allMatch(Future::isDone)) {
                long count = recorder.latencySnapshot().getTotalCount();
                assertTrue(count >= lastCount, "counts never go back");
                lastCount = count;
            }
            for (Future<?> future : pending) {
                future.get();
            }
        }
        assertEquals((long) writers * perWriter, recorder.latencySnapshot().getTotalCount());
    }
}
