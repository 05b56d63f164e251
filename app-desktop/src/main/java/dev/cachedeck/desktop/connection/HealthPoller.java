package dev.cachedeck.desktop.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.monitor.Health;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Asks {@code /observe/health} at a fixed delay on a virtual thread and reports every answer, or
 * why there was none. It keeps polling whatever happens, so a server that comes back is picked up
 * again without the user doing anything.
 */
public final class HealthPoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HealthPoller.class.getName());

    private final URI healthUri;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("health-poller").factory());
    private volatile ConnectionState lastLogged;

    /** {@code timeout} bounds both connecting and the whole answer, so one poll never outlasts it by much. */
    public HealthPoller(URI server, Duration timeout, Clock clock) {
        this.healthUri = server.resolve(ApiPaths.HEALTH);
        this.timeout = timeout;
        this.clock = clock;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Polls now and then {@code delay} after each answer; {@code listener} runs on the poller's thread. */
    public void start(Duration delay, Consumer<HealthReport> listener) {
        scheduler.scheduleWithFixedDelay(() -> {
            HealthReport report = poll();
            if (scheduler.isShutdown()) {
                return;
            }
            logChange(report);
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                // An exception escaping a scheduled task cancels every later run without a word.
                LOG.warning("health listener failed error=" + e);
            }
        }, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll, on the calling thread. */
    public HealthReport poll() {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            // 503 is how the server says "database down"; its body is still a health answer.
            if (response.statusCode() != 200 && response.statusCode() != 503) {
                return unreachable("health answered HTTP " + response.statusCode() + "; is this a CacheDeck server?");
            }
            return HealthReport.answered(mapper.readValue(response.body(), Health.class), clock.instant());
        } catch (ConnectException e) {
            return unreachable("nothing listens at " + healthUri.getAuthority());
        } catch (HttpTimeoutException e) {
            return unreachable("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return unreachable("health could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("polling was interrupted");
        }
    }

    private HealthReport unreachable(String problem) {
        return HealthReport.unreachable(problem, clock.instant());
    }

    private void logChange(HealthReport report) {
        if (report.state() != lastLogged) {
            lastLogged = report.state();
            LOG.info(() -> "server health state=" + report.state() + " url=" + healthUri
                    + (report.problem().isEmpty() ? "" : " problem=\"" + report.problem() + "\""));
        }
    }

    /** Stops polling; a poll in flight is abandoned and its answer never reported. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        http.shutdownNow();
    }
}
