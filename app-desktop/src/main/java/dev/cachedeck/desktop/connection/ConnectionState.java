package dev.cachedeck.desktop.connection;

/** How the desktop sees its server, as the status badge shows it. */
public enum ConnectionState {
    /** The embedded server is starting, or no health answer has arrived yet. */
    STARTING,
    /** Health answered UP: the database and Redis both work. */
    CONNECTED,
    /**
     * Health answered, but a dependency is down: Redis (requests are served uncached from the
     * database) or the database (the API answers 503, the admin views still work).
     */
    DEGRADED,
    /** No usable answer, or the embedded server failed to start; polling goes on and reconnects by itself. */
    UNREACHABLE
}
