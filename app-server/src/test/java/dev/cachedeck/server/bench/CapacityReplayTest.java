package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.Population;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phase's capacity run sends the requests of the phase's own window again, so a warm phase's capacity is measured
 * on keys the window has requested, not on new draws from the long Zipf tail.
 */
class CapacityReplayTest {
    private final Set<String> window = ConcurrentHashMap.newKeySet();
    private final Set<String> capacity = ConcurrentHashMap.newKeySet();
    private volatile Set<String> current;
    private HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        endpoint.createContext("/", exchange -> {
            Set<String> into = current;
            if (into != null) {
                into.add(exchange.getRequestURI().toString());
            }
            exchange.getResponseHeaders().add("X-DB-Queries", "0");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void theCapacityRunSendsOnlyWhatTheWindowSent() {
        ScenarioSpec spec = new ScenarioSpec(List.of(PhaseName.WARM), 1, 0, 200, 8, 0, 1.0, 0, 7, 0.5);
        ScenarioProgress run = new ScenarioProgress(spec, 0);
        LoadTarget target = LoadTarget.of(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()), "token");
        new Scenario(new MarkingServer(), target, TestServers.settings().bench(), "test").run(run);

        assertEquals(BenchState.DONE, run.status().state(), String.valueOf(run.status().error()));
        assertEquals(200, run.status().report().phases().get(0).requests());
        assertTrue(run.status().report().phases().get(0).capacity().requests() > 200,
                "the capacity run went round the window's requests more than once");
        Set<String> unseen = new HashSet<>(capacity);
        unseen.removeAll(window);
        assertFalse(capacity.isEmpty());
        assertEquals(Set.of(), unseen, "requests of the capacity run that the window had not sent");
    }

    /** No cache to switch; the phase markers tell the endpoint which part of the phase is running. */
    private final class MarkingServer implements ScenarioServer {
        @Override
        public Population population() {
            long[] ids = LongStream.rangeClosed(1, 10_000).toArray();
            return new Population(1.0, "none", "none", ids, ids, LongStream.rangeClosed(1, 50_000).toArray());
        }

        @Override
        public Saved save() {
            return new Saved(true, Duration.ZERO);
        }

        @Override
        public void restore(Saved saved) {
        }

        @Override
        public void setDbDelay(Duration delay) {
        }

        @Override
        public void setCacheEnabled(boolean enabled) {
        }

        @Override
        public void flushCache() {
        }

        @Override
        public void pauseRedis(Duration length) {
        }

        @Override
        public boolean awaitCacheRecovered(Duration limit) {
            return true;
        }

        @Override
        public void mark(String label) {
            current = switch (label) {
                case "bench warm" -> window;
                case "bench warm capacity" -> capacity;
                default -> null;
            };
        }
    }
}
