package dev.cachedeck.desktop.connection;

import java.net.URI;

/** A server someone else runs, reached by URL with its admin token. */
public record RemoteServerConnection(URI baseUri, String adminToken) implements ServerConnection {
    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public void close() {
        // Not ours to stop: the desktop only watches it.
    }

    @Override
    public String toString() {
        return "RemoteServerConnection[baseUri=" + baseUri + "]";
    }
}
