package dev.cachedeck.desktop.connection;

import java.net.URI;
import java.util.function.Supplier;

/** How the desktop gets its server; {@link #connect()} may block for a long time and never runs on the FX thread. */
public sealed interface ServerConnector {
    ServerConnection connect();

    /** Starts a server in this process, for example {@code () -> EmbeddedServerConnection.start(settings)}. */
    record Embedded(Supplier<ServerConnection> start) implements ServerConnector {
        @Override
        public ServerConnection connect() {
            return start.get();
        }
    }

    /** Watches a server that already runs; whether it answers is the health poller's business. */
    record Remote(URI baseUri, String adminToken) implements ServerConnector {
        @Override
        public ServerConnection connect() {
            return new RemoteServerConnection(baseUri, adminToken);
        }

        @Override
        public String toString() {
            return "Remote[baseUri=" + baseUri + "]";
        }
    }
}
