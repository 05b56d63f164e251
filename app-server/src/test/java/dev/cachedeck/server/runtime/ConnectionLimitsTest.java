package dev.cachedeck.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the listener's settings bound: idle sockets (Helidon 4.5.0 keeps even "Connection: close" ones) and hosts. */
class ConnectionLimitsTest {

    @Test
    void socketLeftOpenAfterConnectionCloseIsClosedOnceIdle() throws IOException {
        try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings(Map.of(
                "server.idle-connection-timeout", "PT1S", "server.idle-connection-period", "PT0.5S")));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET /observe/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String received = readToEnd(socket.getInputStream());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(received.startsWith("HTTP/1.1 200"), received);
            assertTrue(seconds < 10, "closed after " + seconds + " s");
        }
    }

    @Test
    void statsStreamOutlivesTheIdleTimeoutBecauseItIsNotIdle() throws IOException {
        try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings(Map.of(
                "server.idle-connection-timeout", "PT1S", "server.idle-connection-period", "PT0.5S")));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /admin/stats/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestServers.ADMIN_TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long until = System.nanoTime() + 4_000_000_000L;
            int ticks = 0;
            byte[] buffer = new byte[8192];
            while (System.nanoTime() < until) {
                int read = in.read(buffer);
                assertTrue(read > 0, "the stream was closed after " + ticks + " ticks");
                ticks += new String(buffer, 0, read, StandardCharsets.UTF_8).split("\ndata:", -1).length - 1;
            }
            assertTrue(ticks >= 3, "ticks in 4 s: " + ticks);
        }
    }

    @Test
    void configuredHostNamesAreAnsweredTooAndOthersStillAreNot() throws IOException {
        try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings(Map.of(
                "cachedeck.http.allowed-hosts", "cachedeck.lan, lb.internal")))) {
            assertEquals("200", status(server, "cachedeck.lan:8080"));
            assertEquals("200", status(server, "LB.internal"));
            assertEquals("421", status(server, "elsewhere.example"));
        }
    }

    private static String status(CacheDeckServer server, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /observe/health HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).substring(9, 12);
        }
    }

    /** Reads until the server closes; a read timeout means it never did. */
    private static String readToEnd(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the socket open", e);
        }
    }
}
