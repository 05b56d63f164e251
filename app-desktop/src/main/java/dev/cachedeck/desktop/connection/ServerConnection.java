package dev.cachedeck.desktop.connection;

import java.net.URI;

/** The server the desktop watches: one it started in-process, or one reached by URL. */
public interface ServerConnection extends AutoCloseable {
    URI baseUri();

    /** Sent as {@code Authorization: Bearer} to the admin API; never shown or logged. */
    String adminToken();

    boolean embedded();

    /** Stops the server if this process started it; a remote server is left running. */
    @Override
    void close();
}
