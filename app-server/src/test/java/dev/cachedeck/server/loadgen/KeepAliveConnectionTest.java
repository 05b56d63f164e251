package dev.cachedeck.server.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lean client against a loopback socket that answers from a script, byte for byte. */
class KeepAliveConnectionTest {
    /** What the scripted server does with the next request: the bytes to answer, then close or keep the socket. */
    private record Reply(String bytes, boolean closeAfter) {
    }

    private ServerSocket listener;
    private Thread acceptor;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        acceptor.join();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply reply = script.poll();
                socket.getOutputStream().write(reply.bytes().getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (reply.closeAfter()) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away; the test looks at what was received.
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private KeepAliveConnection connection() {
        return new KeepAliveConnection(LoadTarget.of(URI.create("http://127.0.0.1:" + listener.getLocalPort()), "tok"),
                Duration.ofSeconds(5));
    }

    @Test
    void readsLengthAndChunkedAnswersOnOneKeptAliveConnection() throws IOException {
        script.add(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nx-cache: api=HIT\r\nX-DB-Queries: 0\r\n"
                + "X-CacheDeck-Instance: 127.0.0.1:8081\r\n\r\nhello", false));
        script.add(new Reply("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nX-Cache: api=BYPASS\r\n"
                + "X-DB-Queries:  3\r\n\r\n4;ext=1\r\nabcd\r\n6\r\nefghij\r\n0\r\nTrailer: x\r\n\r\n", false));
        script.add(new Reply("HTTP/1.1 204 No Content\r\n\r\n", false));
        try (KeepAliveConnection connection = connection()) {
            LoadAnswer first = connection.send(LoadRequest.get("/api/jobs/1?x=1"));
            LoadAnswer second = connection.send(LoadRequest.json("POST", "/api/reviews", "{\"rating\":5}"));
            LoadAnswer third = connection.send(LoadRequest.get("/api/ping"));
            assertEquals(new LoadAnswer(200, "api=HIT", 0, "127.0.0.1:8081"), first);
            assertEquals(new LoadAnswer(201, "api=BYPASS", 3, null), second);
            assertEquals(new LoadAnswer(204, null, 0, null), third);
        }
        assertEquals(1, connections.get(), "all three on one connection");
        assertTrue(requests.get(0).startsWith("GET /api/jobs/1?x=1 HTTP/1.1\r\n"), requests.get(0));
        assertTrue(requests.get(0).contains("Authorization: Bearer tok\r\n"), requests.get(0));
        assertTrue(requests.get(1).startsWith("POST /api/reviews HTTP/1.1\r\n"), requests.get(1));
        assertTrue(requests.get(1).contains("Content-Type: application/json\r\nContent-Length: 12\r\n"));
        assertTrue(requests.get(1).endsWith("\r\n\r\n{\"rating\":5}"), requests.get(1));
    }

    @Test
    void aGetOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws IOException {
        script.add(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true));
        script.add(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false));
        try (KeepAliveConnection connection = connection()) {
            assertEquals(200, connection.send(LoadRequest.get("/a")).status());
            assertEquals(200, connection.send(LoadRequest.get("/b")).status());
        }
        assertEquals(2, connections.get());
        assertEquals(2, requests.size());
    }

    @Test
    void aWriteOnAConnectionTheServerClosedIsNotRepeated() throws IOException {
        script.add(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true));
        try (KeepAliveConnection connection = connection()) {
            connection.send(LoadRequest.get("/a"));
            assertThrows(IOException.class, () -> connection.send(LoadRequest.json("PUT", "/b", "{}")));
        }
        assertEquals(1, requests.size(), "the write never reached a server");
    }

    @Test
    void connectionCloseAndBodiesEndedByClosingAreUnderstood() throws IOException {
        script.add(new Reply("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx", true));
        script.add(new Reply("HTTP/1.1 200 OK\r\n\r\nuntil the end", true));
        script.add(new Reply("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n", false));
        try (KeepAliveConnection connection = connection()) {
            assertEquals(200, connection.send(LoadRequest.get("/a")).status());
            assertEquals(200, connection.send(LoadRequest.json("POST", "/b", "{}")).status());
            LoadAnswer failed = connection.send(LoadRequest.get("/c"));
            assertEquals(503, failed.status());
            assertNull(failed.cache());
            assertTrue(!failed.successful());
        }
        assertEquals(3, connections.get());
    }

    @Test
    void refusesTargetsOutsideLoopback() {
        assertThrows(IllegalArgumentException.class, () -> LoadTarget.of(URI.create("http://192.0.2.10:8080"), "t"));
    }
}
