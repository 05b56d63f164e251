package dev.cachedeck.desktop.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.monitor.Health;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers become states, silence is UNREACHABLE with a reason, and a server that comes back is found again. */
class HealthPollerTest {
    /** Long enough that a stub's answer is never late on a busy machine: these tests are about what the answer means. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    private final List<AutoCloseable> toClose = new ArrayList<>();

    private HealthStub stub(int port) {
        HealthStub stub = HealthStub.start(port);
        toClose.add(stub);
        return stub;
    }

    private HealthPoller poller(URI uri) {
        return poller(uri, ANSWER_TIMEOUT);
    }

    private HealthPoller poller(URI uri, Duration timeout) {
        HealthPoller poller = new HealthPoller(uri, timeout, Clock.fixed(NOW, ZoneOffset.UTC));
        toClose.add(poller);
        return poller;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void upIsConnectedWithEveryComponentAndTheCheckTime() {
        HealthReport report = poller(stub(0).uri()).poll();
        assertEquals(ConnectionState.CONNECTED, report.state());
        assertEquals(NOW, report.checkedAt());
        Health health = report.health().orElseThrow();
        assertEquals(Health.Status.UP, health.components().get("redis").status());
        assertEquals(800, health.components().get("database").latencyMicros());
    }

    @Test
    void redisDownIsDegraded() {
        HealthReport report = poller(stub(0).answer(200, HealthStub.REDIS_DOWN).uri()).poll();
        assertEquals(ConnectionState.DEGRADED, report.state());
        assertEquals(Health.Status.DOWN, report.health().orElseThrow().components().get("redis").status());
    }

    @Test
    void databaseDownAnswers503WithHealthAndIsDegradedNotUnreachable() {
        HealthReport report = poller(stub(0).answer(503, HealthStub.DATABASE_DOWN).uri()).poll();
        assertEquals(ConnectionState.DEGRADED, report.state());
        assertEquals(Health.Status.DOWN, report.health().orElseThrow().status());
    }

    @Test
    void somethingThatIsNotACacheDeckServerIsUnreachable() {
        HealthReport report = poller(stub(0).answer(404, "not here").uri()).poll();
        assertEquals(ConnectionState.UNREACHABLE, report.state());
        assertEquals("health answered HTTP 404; is this a CacheDeck server?", report.problem());
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsUnreachableWithinAboutTheTimeout() {
        // The stub answers after 20 s: giving up in well under that is the timeout at work, even on a busy machine.
        Duration answerDelay = Duration.ofSeconds(20);
        HealthPoller poller = poller(stub(0).delay(answerDelay).uri(), SHORT_TIMEOUT);
        long start = System.nanoTime();
        HealthReport report = poller.poll();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(ConnectionState.UNREACHABLE, report.state());
        assertEquals("no answer within 500 ms", report.problem());
        assertTrue(took.compareTo(answerDelay.dividedBy(2)) < 0, "took " + took);
    }

    @Test
    void pollingReconnectsByItselfWhenTheServerComesBack() throws Exception {
        HealthStub stub = stub(0);
        URI uri = stub.uri();
        BlockingQueue<HealthReport> reports = new LinkedBlockingQueue<>();
        poller(uri).start(Duration.ofMillis(50), reports::add);
        assertEquals(ConnectionState.CONNECTED, next(reports).state());

        stub.close();
        HealthReport down = awaitState(reports, ConnectionState.UNREACHABLE);
        assertEquals("nothing listens at 127.0.0.1:" + uri.getPort(), down.problem());
        assertTrue(down.health().isEmpty());

        stub(uri.getPort());
        awaitState(reports, ConnectionState.CONNECTED);
    }

    @Test
    void aClosedPollerReportsNothingMore() throws Exception {
        BlockingQueue<HealthReport> reports = new LinkedBlockingQueue<>();
        HealthPoller poller = poller(stub(0).uri());
        poller.start(Duration.ofMillis(20), reports::add);
        next(reports);
        poller.close();
        reports.clear();
        Thread.sleep(200);
        assertTrue(reports.isEmpty(), reports.toString());
    }

    static HealthReport next(BlockingQueue<HealthReport> reports) throws InterruptedException {
        HealthReport report = reports.poll(5, TimeUnit.SECONDS);
        assertNotNull(report, "no report within 5 s");
        return report;
    }

    private static HealthReport awaitState(BlockingQueue<HealthReport> reports, ConnectionState state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            HealthReport report = next(reports);
            if (report.state() == state) {
                return report;
            }
        }
        throw new AssertionError("no " + state + " report within 10 s");
    }
}
