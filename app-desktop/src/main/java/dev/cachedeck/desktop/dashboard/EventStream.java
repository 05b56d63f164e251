package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.desktop.client.AdminProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Follows a Server-Sent Events stream of the admin API on a virtual thread until closed. When the
 * connection drops it reconnects after a pause with {@code Last-Event-ID}, so the server replays what was
 * missed. Events and state changes go to the listeners on the stream's own thread.
 */
public final class EventStream implements AutoCloseable {
    /** Opens the stream's lines, resuming after the given event id; fails with an {@link AdminProblem}. */
    @FunctionalInterface
    public interface Source {
        Stream<String> open(Optional<String> lastEventId) throws IOException, InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    /** What the stream is doing, for the view to say. */
    public enum Status { CONNECTING, LIVE, RECONNECTING, UNAVAILABLE }

    /** A server without the endpoint will not grow one soon; asking again now and then costs nothing. */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(15);

    private final Source source;
    private final Duration retryDelay;
    private final Consumer<SseEvent> events;
    private final Consumer<Status> status;
    private final SseParser parser = new SseParser();
    private volatile boolean closed;
    /** The open response body, closed by {@link #close()}: a blocked read does not answer to interrupts. */
    private volatile Stream<String> current;
    private Thread thread;

    public EventStream(Source source, Duration retryDelay, Consumer<SseEvent> events, Consumer<Status> status) {
        this.source = source;
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
                LOG.fine(() -> "event stream dropped error=" + e);
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
        try (Stream<String> lines = source.open(lastId)) {
            current = lines;
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
