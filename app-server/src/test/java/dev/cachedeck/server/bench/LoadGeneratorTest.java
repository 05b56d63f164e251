package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.server.loadgen.LoadRequest;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against a trivial loopback endpoint, so only the generator's own behaviour is measured. */
class LoadGeneratorTest {
    private HttpServer server;
    private volatile long answerDelayMillis;

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(answerDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("X-Cache", "api=HIT");
            exchange.getResponseHeaders().add("X-DB-Queries", "0");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    @Test
    void sendsAtTheRequestedRate() throws InterruptedException {
        PhaseRecorder recorder = new PhaseRecorder(PhaseName.WARM, new String[] {"ping"}, 200, 3);
        long started = System.nanoTime();
        try (LoadGenerator generator = new LoadGenerator(target(), 16, Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            generator.run(600, 200, index -> ping(), index -> recorder, () -> false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PhaseResult result = recorder.result(seconds, true);
        assertEquals(600, result.requests());
        assertEquals(0, result.errors());
        // 600 requests at 200/s: the last is due at 2.995 s.
        assertEquals(3.0, seconds, 0.15, "elapsed seconds");
        assertEquals(200, result.throughputPerSecond(), 10);
        assertEquals(1.0, result.readHitRate());
        assertTrue(result.keptUp(), "200/s offered, 200/s answered");
        assertTrue(result.timeline().size() >= 3, "one point per second of the window");
        assertEquals(600, result.timeline().stream().mapToLong(t -> t.throughput()).sum());
    }

    @Test
    void latencyCountsTheWaitForASlotAndLateStartsAreDropped() throws InterruptedException {
        answerDelayMillis = 100;
        PhaseRecorder recorder = new PhaseRecorder(PhaseName.OFF, new String[] {"ping"}, 50, 0.4);
        try (LoadGenerator generator = new LoadGenerator(target(), 1, Duration.ofMillis(450), Duration.ofSeconds(5))) {
            // One connection, 100 ms per answer, 50 requests due per second: the queue grows by 4 every 100 ms.
            generator.run(20, 50, index -> ping(), index -> recorder, () -> false);
        }
        PhaseResult result = recorder.result(1, true);
        assertTrue(result.dropped() > 0, "requests that could not start in time are dropped, not hidden");
        assertFalse(result.keptUp(), "a window that dropped requests did not keep up");
        assertEquals(20, result.requests() + result.dropped());
        assertTrue(result.latency().max() > 300,
                "latency from the intended time includes the queueing: max " + result.latency().max());
    }

    @Test
    void closedLoopKeepsEveryConnectionBusyAndCountsFailures() throws InterruptedException {
        try (LoadGenerator generator = new LoadGenerator(target(), 4, Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            CapacityResult capacity = generator.saturate(Duration.ofMillis(500), worker -> this::ping, () -> false);
            assertEquals(4, capacity.workers());
            assertEquals(0, capacity.errors());
            assertTrue(capacity.requests() > 4, "back to back on every connection: " + capacity.requests());
            assertEquals(capacity.requests() / capacity.seconds(), capacity.perSecond(), 1e-6);
            assertTrue(capacity.generatorCpuMicros() > 0, "the workers' own CPU per request is measured");
        }
    }

    private PlannedRequest ping() {
        return new PlannedRequest("ping", false, "GET /ping", LoadRequest.get("/ping"));
    }

    private LoadTarget target() {
        return LoadTarget.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "token");
    }
}
