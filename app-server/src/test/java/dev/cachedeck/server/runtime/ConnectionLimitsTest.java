package dev.cachedeck.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What bounds a connection: "Connection: close", the idle timeout, the header timeout; and which hosts are answered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionLimitsTest {
    /** A header timeout of 1 s (the idle timeout at its 60 s default) and two more host names. */
    private CacheDeckServer headerBound;
    /** An idle timeout of 1 s. */
    private CacheDeckServer idleBound;

    @BeforeAll
    void start() {
        headerBound = CacheDeckServer.start(TestServers.settings(Map.of(
                "cachedeck.http.header-timeout", "PT1S", "cachedeck.http.header-check-period", "PT0.2S",
                "cachedeck.http.allowed-hosts", "cachedeck.lan, lb.internal")));
        idleBound = CacheDeckServer.start(TestServers.settings(Map.of(
                "server.idle-connection-timeout", "PT1S", "server.idle-connection-period", "PT0.5S")));
    }

    @AfterAll
    void stop() {
        headerBound.close();
        idleBound.close();
    }

    @Test
    void connectionCloseIsHonouredOnceTheAnswerIsWritten() throws IOException {
        String health = closedAfter(headerBound,
                "GET /observe/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(health.startsWith("HTTP/1.1 200") && health.endsWith("}"), health);
        String misdirected = closedAfter(headerBound,
                "GET /observe/health HTTP/1.1\r\nHost: elsewhere.example\r\nConnection: close\r\n\r\n");
        assertTrue(misdirected.startsWith("HTTP/1.1 421") && misdirected.endsWith("}"), misdirected);
        // Refused before its body is read: the body left in the socket must not reset the answer away.
        String body = "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":5,\"text\":\"" + "x".repeat(20_000) + "\"}";
        String unauthorized = closedAfter(headerBound, "POST /api/reviews HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(unauthorized.startsWith("HTTP/1.1 401") && unauthorized.endsWith("}"), unauthorized);
    }

    @Test
    void requestLineThatNeverEndsIsClosedByTheIdleTimeout() throws IOException {
        assertEquals("", closedAfter(idleBound, "GET /observe/hea"));
    }

    @Test
    void headersThatStopAfterTheRequestLineAreClosedByTheHeaderTimeoutAfterOthersHungUpMidHeaders() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Socket gone = new Socket("127.0.0.1", headerBound.port())) {
                gone.setSoLinger(true, 0);
                gone.getOutputStream().write("GET /observe/health HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
            }
        }
        // Their deadlines pass first: closing a connection that has already ended must not stop the sweep.
        Thread.sleep(1_500);
        assertEquals("", closedAfter(headerBound, "GET /observe/health HTTP/1.1\r\nHost: loc"));
    }

    @Test
    void requestLineDrippedOneByteAtATimeIsClosedByTheIdleTimeoutToo() throws Exception {
        assertClosedWhileDripping(idleBound, "");
    }

    @Test
    void headersDrippedOneByteAtATimeAreClosedByTheHeaderTimeoutToo() throws Exception {
        assertClosedWhileDripping(headerBound, "GET /observe/health HTTP/1.1\r\n");
    }

    /** Sends {@code head}, then one more byte each 250 ms: the server must close the socket within 5 s. */
    private static void assertClosedWhileDripping(CacheDeckServer server, String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            try {
                for (int i = 0; i < 40; i++) {
                    out.write('X');
                    out.flush();
                    Thread.sleep(250);
                }
                throw new AssertionError("still open after 10 s of one byte each 250 ms");
            } catch (SocketException closed) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 5_000, "closed after " + millis + " ms");
            }
        }
    }

    @Test
    void keptAliveConnectionPausingBetweenRequestsIsNotCutByTheHeaderTimeout() throws Exception {
        try (RawConnection connection = new RawConnection(headerBound.port())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, connection.exchange("GET", "/api/ping").status());
                Thread.sleep(1_500);
            }
        }
    }

    @Test
    void statsStreamOutlivesTheIdleTimeoutBecauseItIsNotIdle() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", idleBound.port())) {
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
        assertEquals("200", status(headerBound, "cachedeck.lan:8080"));
        assertEquals("200", status(headerBound, "LB.internal"));
        assertEquals("421", status(headerBound, "elsewhere.example"));
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

    /** Sends {@code request} and reads until the server closes, which must happen within 5 s. */
    private static String closedAfter(CacheDeckServer server, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the socket open", e);
        }
    }
}
