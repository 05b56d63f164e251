package dev.cachedeck.server.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The server a load client talks to, and the headers every request to it carries. Loopback only: the generator
 * must never become a tool for loading someone else's server.
 *
 * @param bearerToken sent as {@code Authorization: Bearer ...} on every request when present
 */
public record LoadTarget(URI base, Optional<String> bearerToken) {

    public LoadTarget {
        requireLoopback(base);
    }

    public static LoadTarget of(URI base, String bearerToken) {
        return new LoadTarget(base, Optional.of(bearerToken));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(base.getHost(), port());
    }

    private int port() {
        return base.getPort() > 0 ? base.getPort() : 80;
    }

    /** The header lines every request repeats, encoded once. */
    byte[] fixedHeaders() {
        String headers = "Host: " + base.getHost() + ":" + port() + "\r\n"
                + bearerToken.map(token -> "Authorization: Bearer " + token + "\r\n").orElse("");
        return headers.getBytes(StandardCharsets.US_ASCII);
    }

    public static void requireLoopback(URI target) {
        try {
            String host = target.getHost();
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load generator only targets loopback, not " + target);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + target, e);
        }
    }
}
