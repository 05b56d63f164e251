package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminProblem;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Follows a Server-Sent Events endpoint of the admin API on a virtual thread until closed. When the
 * connection drops it reconnects after a pause with {@code Last-Event-ID}, so the server replays what was
 * missed. Events and state changes go to the listeners on the stream's own thread.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    /** What the stream is doing, for the view to say. */
    public enum Status { CONNECTING, LIVE, RECONNECTING, UNAVAILABLE }

    /** A server without the endpoint will not grow one soon; asking again now and then costs nothing. */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(15);

    private final AdminClient admin;
    private final String path;
    private final Duration retryDelay;
    private final Consumer<SseEvent> events;
    private final Consumer<Status> status;
    private final SseParser parser = new SseParser();
    private volatile boolean closed;
    /** The open response body, closed by {@link #close()}: a blocked read does not answer to interrupts. */
    private volatile Stream<String> current;
    private Thread thread;

    public EventStream(AdminClient admin, String path, Duration retryDelay, Consumer<SseEvent> events,
                       Consumer<Status> status) {
        this.admin = admin;
        this.path = path;
        this.retryDelay = retryDelay;
        this.events = events;
        this.status = status;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("event-stream").start(this::follow);
        }
    }

    private void follow() {
        status.accept(Status.CONNECTING);
        while (!closed) {
            try {
                read();
                status.accept(Status.RECONNECTING);
            } catch (AdminProblem problem) {
                status.accept(problem.unavailable() ? Status.UNAVAILABLE : Status.RECONNECTING);
                if (problem.unavailable() && pause(UNAVAILABLE_RETRY)) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "event stream dropped path=" + path + " error=" + e);
                status.accept(Status.RECONNECTING);
            } catch (InterruptedException e) {
                return;
            }
            if (pause(retryDelay)) {
                return;
            }
        }
    }

    /** Returns whether the stream was closed meanwhile. */
    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return closed;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private void read() throws IOException, InterruptedException {
        Optional<String> lastId = parser.lastId().isEmpty() ? Optional.empty() : Optional.of(parser.lastId());
        HttpResponse<Stream<String>> response = admin.stream(path, lastId);
        try (Stream<String> lines = response.body()) {
            current = lines;
            if (response.statusCode() == 404) {
                throw AdminProblem.unavailable("GET " + path);
            }
            if (response.statusCode() != 200) {
                throw new AdminProblem(response.statusCode(), "The stream answered HTTP " + response.statusCode());
            }
            status.accept(Status.LIVE);
            lines.takeWhile(line -> !closed).forEach(line -> parser.line(line).ifPresent(events));
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
        }
        Stream<String> open = current;
        if (open != null) {
            open.close();
        }
    }
}
