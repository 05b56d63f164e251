package dev.cachedeck.desktop.connection;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The desktop's link to its server, from start to stop: connects (which can take a minute for an
 * embedded server) on a virtual thread, then polls health until closed. Everything it learns goes
 * to one event listener, from background threads.
 */
public final class ServerSession {
    private static final Logger LOG = Logger.getLogger(ServerSession.class.getName());

    private final ServerConnector connector;
    private final Function<URI, HealthPoller> pollers;
    private final Duration pollDelay;
    // Guarded by this: the FX thread opens, the connecting thread fills in, a closing thread reads.
    private Thread connecting;
    private Thread closing;
    private ServerConnection connection;
    private HealthPoller poller;
    private boolean closed;
    private Consumer<ConnectionEvent> events = event -> {
    };

    public ServerSession(ServerConnector connector, Function<URI, HealthPoller> pollers, Duration pollDelay) {
        this.connector = connector;
        this.pollers = pollers;
        this.pollDelay = pollDelay;
    }

    /** The server once started (embedded) or known (remote); empty before that and after a failed start. */
    public synchronized Optional<ServerConnection> connection() {
        return Optional.ofNullable(connection);
    }

    /** Starts connecting and returns at once; everything the session learns goes to {@code events}. */
    public synchronized void open(Consumer<ConnectionEvent> events) {
        if (connecting != null) {
            throw new IllegalStateException("already opened");
        }
        this.events = events;
        events.accept(new ConnectionEvent.Starting(connector));
        connecting = Thread.ofVirtual().name("server-connect").start(this::connect);
    }

    private void connect() {
        ServerConnection started;
        try {
            started = connector.connect();
        } catch (RuntimeException e) {
            LOG.warning("server start failed error=" + e);
            events.accept(new ConnectionEvent.StartFailed(e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        synchronized (this) {
            connection = started;
            if (closed) {
                return;
            }
            events.accept(new ConnectionEvent.Connected(started.baseUri(), started.embedded()));
            poller = pollers.apply(started.baseUri());
            poller.start(pollDelay, this::checked);
        }
    }

    /** Under the lock, so no answer polled before {@link #close} is reported after its Stopping event. */
    private synchronized void checked(HealthReport report) {
        if (!closed) {
            events.accept(new ConnectionEvent.Checked(report));
        }
    }

    /**
     * Stops polling and the embedded server, waiting at most {@code bound}. A start still in
     * progress is waited for within the same bound, since its server must be stopped too.
     *
     * @return whether everything stopped in time
     */
    public boolean close(Duration bound) {
        Thread closer;
        synchronized (this) {
            if (!closed) {
                closed = true;
                events.accept(new ConnectionEvent.Stopping(connector instanceof ServerConnector.Embedded));
                if (poller != null) {
                    poller.close();
                }
                closing = Thread.ofVirtual().name("server-close").start(this::closeConnection);
            }
            closer = closing;
        }
        try {
            boolean stopped = closer.join(bound);
            if (!stopped) {
                LOG.warning("server stop still running after ms=" + bound.toMillis() + "; not waiting longer");
            }
            return stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeConnection() {
        Thread start;
        synchronized (this) {
            start = connecting;
        }
        try {
            if (start != null) {
                start.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ServerConnection toClose;
        synchronized (this) {
            toClose = connection;
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
