package dev.cachedeck.desktop.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session's lifecycle: events in order, start failures reported, and a stop that is thorough but bounded. */
class ServerSessionTest {
    private static final Duration POLL_DELAY = Duration.ofMillis(50);

    private final BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** An "embedded" server whose start and stop the test controls. */
    private static final class FakeServer implements ServerConnection {
        final URI uri;
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch mayClose;

        FakeServer(URI uri, CountDownLatch mayClose) {
            this.uri = uri;
            this.mayClose = mayClose;
        }

        @Override
        public URI baseUri() {
            return uri;
        }

        @Override
        public String adminToken() {
            return "token";
        }

        @Override
        public boolean embedded() {
            return true;
        }

        @Override
        public void close() {
            try {
                mayClose.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closed.countDown();
        }
    }

    private ServerSession session(ServerConnector connector) {
        ServerSession session = new ServerSession(connector,
                uri -> new HealthPoller(uri, Duration.ofMillis(500), Clock.systemUTC()), POLL_DELAY);
        toClose.add(() -> session.close(Duration.ofSeconds(5)));
        return session;
    }

    private HealthStub stub() {
        HealthStub stub = HealthStub.start(0);
        toClose.add(stub);
        return stub;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private <T extends ConnectionEvent> T next(Class<T> type) throws InterruptedException {
        ConnectionEvent event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "no " + type.getSimpleName() + " event within 5 s");
        return assertInstanceOf(type, event);
    }

    @Test
    void reportsStartingThenConnectedThenHealth() throws Exception {
        URI uri = stub().uri();
        ServerConnector connector = new ServerConnector.Embedded(() -> new FakeServer(uri, new CountDownLatch(0)));
        session(connector).open(events::add);
        assertEquals(connector, next(ConnectionEvent.Starting.class).connector());
        assertEquals(new ConnectionEvent.Connected(uri, true), next(ConnectionEvent.Connected.class));
        assertEquals(ConnectionState.CONNECTED, next(ConnectionEvent.Checked.class).report().state());
    }

    @Test
    void aServerThatFailsToStartIsReportedAndNotPolled() throws Exception {
        session(new ServerConnector.Embedded(() -> {
            throw new IllegalStateException("port 8080 is taken");
        })).open(events::add);
        next(ConnectionEvent.Starting.class);
        assertEquals("port 8080 is taken", next(ConnectionEvent.StartFailed.class).problem());
        assertEquals(null, events.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void closeStopsPollingAndTheEmbeddedServer() throws Exception {
        FakeServer server = new FakeServer(stub().uri(), new CountDownLatch(0));
        ServerSession session = session(new ServerConnector.Embedded(() -> server));
        session.open(events::add);
        next(ConnectionEvent.Starting.class);
        next(ConnectionEvent.Connected.class);
        next(ConnectionEvent.Checked.class);

        assertTrue(session.close(Duration.ofSeconds(5)));
        assertEquals(0, server.closed.getCount());
        events.removeIf(ConnectionEvent.Checked.class::isInstance);
        assertEquals(new ConnectionEvent.Stopping(true), events.poll());
        Thread.sleep(POLL_DELAY.multipliedBy(4).toMillis());
        assertTrue(events.isEmpty(), "reported after close: " + events);
    }

    @Test
    void closingDuringAStartStopsTheServerOnceItIsUp() throws Exception {
        CountDownLatch startMayFinish = new CountDownLatch(1);
        FakeServer server = new FakeServer(stub().uri(), new CountDownLatch(0));
        ServerSession session = session(new ServerConnector.Embedded(() -> {
            try {
                startMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return server;
        }));
        session.open(events::add);
        next(ConnectionEvent.Starting.class);

        assertFalse(session.close(Duration.ofMillis(200)), "the start is still running");
        next(ConnectionEvent.Stopping.class);
        startMayFinish.countDown();
        assertTrue(server.closed.await(5, TimeUnit.SECONDS), "the late server was never stopped");
        assertEquals(null, events.poll(200, TimeUnit.MILLISECONDS), "a stopped session reports no connection");
    }

    @Test
    void aStopThatHangsIsGivenUpAfterTheBound() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FakeServer server = new FakeServer(stub().uri(), never);
        ServerSession session = session(new ServerConnector.Embedded(() -> server));
        session.open(events::add);
        next(ConnectionEvent.Starting.class);
        next(ConnectionEvent.Connected.class);

        long start = System.nanoTime();
        assertFalse(session.close(Duration.ofMillis(300)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        never.countDown();
    }
}
