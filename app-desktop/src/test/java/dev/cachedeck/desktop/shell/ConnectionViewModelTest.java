package dev.cachedeck.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.connection.ConnectionEvent;
import dev.cachedeck.desktop.connection.ConnectionState;
import dev.cachedeck.desktop.connection.HealthReport;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.model.monitor.Health;
import dev.cachedeck.model.monitor.Health.Component;
import dev.cachedeck.model.monitor.Health.Status;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the shell shows for each thing the connection reports; no screen needed. */
class ConnectionViewModelTest {
    private static final URI EMBEDDED = URI.create("http://127.0.0.1:41234");
    /** The view-model only looks at which kind of connector it is, never starts it. */
    private static final ServerConnector EMBEDDED_CONNECTOR = new ServerConnector.Embedded(() -> {
        throw new AssertionError("the view-model must not start servers");
    });
    private static final Instant TEN_FIFTEEN = Instant.parse("2026-11-25T10:15:30Z");

    private final ConnectionViewModel model = new ConnectionViewModel(ZoneOffset.UTC);

    private static Health health(Status overall, Component database, Component redis) {
        Map<String, Component> components = new LinkedHashMap<>();
        components.put("database", database);
        components.put("redis", redis);
        return new Health(overall, components);
    }

    private static final Component DATABASE_UP = new Component(Status.UP, "H2 2.5.252", 840);
    private static final Component REDIS_UP = new Component(Status.UP, "Redis 6.2.11 at redis://127.0.0.1:6390", 1_250);
    private static final Component REDIS_DOWN = new Component(Status.DOWN, "redis unreachable: RedisException", 250_000);

    private void checked(HealthReport report) {
        model.accept(new ConnectionEvent.Checked(report));
    }

    private void startEmbedded() {
        model.accept(new ConnectionEvent.Starting(EMBEDDED_CONNECTOR));
        model.accept(new ConnectionEvent.Connected(EMBEDDED, true));
    }

    @Test
    void anEmbeddedStartIsShownAsStartingUntilTheFirstHealthAnswer() {
        model.accept(new ConnectionEvent.Starting(EMBEDDED_CONNECTOR));
        assertEquals(ConnectionState.STARTING, model.stateProperty().get());
        assertEquals("Embedded (in this process)", model.modeProperty().get());
        assertEquals("", model.serverUrlProperty().get(), "the port is not known before the server listens");
        assertEquals("", model.lastCheckedProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Starting the embedded server."));

        model.accept(new ConnectionEvent.Connected(EMBEDDED, true));
        assertEquals(ConnectionState.STARTING, model.stateProperty().get());
        assertEquals("http://127.0.0.1:41234", model.serverUrlProperty().get());
    }

    @Test
    void aRemoteServerShowsItsUrlAtOnce() {
        model.accept(new ConnectionEvent.Starting(new ServerConnector.Remote(URI.create("http://cache:8080"), "t")));
        assertEquals("Remote", model.modeProperty().get());
        assertEquals("http://cache:8080", model.serverUrlProperty().get());
        assertEquals("Connecting to http://cache:8080…", model.messageProperty().get());
    }

    @Test
    void anUpAnswerIsConnectedWithOneRowPerComponent() {
        startEmbedded();
        checked(HealthReport.answered(health(Status.UP, DATABASE_UP, REDIS_UP), TEN_FIFTEEN));
        assertEquals(ConnectionState.CONNECTED, model.stateProperty().get());
        assertEquals("10:15:30", model.lastCheckedProperty().get());
        assertEquals(List.of(
                new ComponentRow("Database", Status.UP, "840 µs", "H2 2.5.252"),
                new ComponentRow("Redis", Status.UP, "1.3 ms", "Redis 6.2.11 at redis://127.0.0.1:6390")),
                model.components());
        assertEquals("The server, its database and Redis all answer.", model.messageProperty().get());
    }

    @Test
    void redisDownIsDegradedAndSaysRequestsStillWork() {
        startEmbedded();
        checked(HealthReport.answered(health(Status.DEGRADED, DATABASE_UP, REDIS_DOWN), TEN_FIFTEEN));
        assertEquals(ConnectionState.DEGRADED, model.stateProperty().get());
        assertEquals(new ComponentRow("Redis", Status.DOWN, "250.0 ms", "redis unreachable: RedisException"),
                model.components().get(1));
        assertEquals("Redis is down: every request is answered from the database, uncached, until it is back.",
                model.messageProperty().get());
    }

    @Test
    void databaseDownIsDegradedAndSaysTheApiFails() {
        startEmbedded();
        checked(HealthReport.answered(health(Status.DOWN,
                new Component(Status.DOWN, "database unreachable: SQLException", 5_000), REDIS_UP), TEN_FIFTEEN));
        assertEquals(ConnectionState.DEGRADED, model.stateProperty().get());
        assertEquals("The database is down: API requests fail with 503 until it is back.",
                model.messageProperty().get());
    }

    @Test
    void losingTheServerClearsTheRowsAndComingBackRestoresThem() {
        startEmbedded();
        checked(HealthReport.answered(health(Status.UP, DATABASE_UP, REDIS_UP), TEN_FIFTEEN));

        checked(HealthReport.unreachable("nothing listens at 127.0.0.1:41234", TEN_FIFTEEN.plusSeconds(1)));
        assertEquals(ConnectionState.UNREACHABLE, model.stateProperty().get());
        assertTrue(model.components().isEmpty());
        assertEquals("No answer from the server: nothing listens at 127.0.0.1:41234. Retrying…",
                model.messageProperty().get());
        assertEquals("10:15:31", model.lastCheckedProperty().get());

        checked(HealthReport.answered(health(Status.UP, DATABASE_UP, REDIS_UP), TEN_FIFTEEN.plusSeconds(2)));
        assertEquals(ConnectionState.CONNECTED, model.stateProperty().get());
        assertEquals(2, model.components().size());
    }

    @Test
    void aFailedStartIsUnreachableWithTheReason() {
        model.accept(new ConnectionEvent.StartFailed("Address already in use"));
        assertEquals(ConnectionState.UNREACHABLE, model.stateProperty().get());
        assertEquals("The embedded server did not start: Address already in use", model.messageProperty().get());
    }

    @Test
    void stoppingSaysWhatTheWindowWaitsFor() {
        startEmbedded();
        model.accept(new ConnectionEvent.Stopping(true));
        assertEquals("Stopping the embedded server…", model.messageProperty().get());
    }
}
