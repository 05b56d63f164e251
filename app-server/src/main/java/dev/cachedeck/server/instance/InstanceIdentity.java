package dev.cachedeck.server.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * This instance's id and URL. Both may name the listener's port, which is known only once the web server has
 * bound it (port 0 picks a free one), so they are settled by {@link #bind}; a request that reaches a handler
 * between the bind and that call waits the few microseconds until it is made.
 *
 * <p>The default host is the bind address, or the machine's host name when the server binds to a wildcard
 * address: on one machine the instances differ by port, on several by host name.
 */
public final class InstanceIdentity {
    private record Bound(String id, String url) {
    }

    private final InstanceSettings settings;
    private final Instant startedAt;
    private final CompletableFuture<Bound> bound = new CompletableFuture<>();

    public InstanceIdentity(InstanceSettings settings, Instant startedAt) {
        this.settings = settings;
        this.startedAt = startedAt;
    }

    /** Settles the id and URL for a listener bound to {@code bindHost} on {@code port}; once. */
    public void bind(String bindHost, int port) {
        String host = defaultHost(bindHost);
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        Bound resolved = new Bound(settings.id().orElse(host + ":" + port),
                settings.publicUrl().orElse("http://" + authority));
        if (!bound.complete(resolved)) {
            throw new IllegalStateException("instance identity already bound to " + bound.join().id());
        }
    }

    public String id() {
        return bound.join().id();
    }

    public String url() {
        return bound.join().url();
    }

    public Instant startedAt() {
        return startedAt;
    }

    static String defaultHost(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
