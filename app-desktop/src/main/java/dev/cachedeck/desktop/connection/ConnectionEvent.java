package dev.cachedeck.desktop.connection;

import java.net.URI;

/** What a {@link ServerSession} reports, in order, from its background threads. */
public sealed interface ConnectionEvent {
    /** {@link ServerConnector#connect()} has begun. */
    record Starting(ServerConnector connector) implements ConnectionEvent {
    }

    /** The server is started (embedded) or known (remote); health polling begins. */
    record Connected(URI baseUri, boolean embedded) implements ConnectionEvent {
    }

    /** The embedded server could not be started; nothing will be polled. */
    record StartFailed(String problem) implements ConnectionEvent {
    }

    record Checked(HealthReport report) implements ConnectionEvent {
    }

    /** The app is closing: polling has stopped and an embedded server is being stopped. */
    record Stopping(boolean embedded) implements ConnectionEvent {
    }
}
