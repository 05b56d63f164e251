package dev.cachedeck.desktop;

import dev.cachedeck.desktop.connection.ServerSession;
import dev.cachedeck.desktop.tasks.Tasks;
import java.time.Duration;

/** What an open window runs in the background: its server session and its tasks. Closed once, on exit. */
final class AppSession {
    private final ServerSession server;
    private final Tasks tasks;

    AppSession(ServerSession server, Tasks tasks) {
        this.server = server;
        this.tasks = tasks;
    }

    /**
     * Stops the background work, then the server (an embedded one stops with it), waiting at most {@code bound}
     * for the server.
     *
     * @return whether the server stopped in time
     */
    boolean close(Duration bound) {
        tasks.close();
        return server.close(bound);
    }
}
