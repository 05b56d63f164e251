package dev.cachedeck.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requests Helidon rejects before routing still get problem+json, without parser internals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportErrorsTest {
    private CacheDeckServer server;

    @BeforeAll
    void start() {
        server = TestServers.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void malformedRequestLineIsAProblem() throws IOException {
        String response = exchange("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertProblem(response, 400);
    }

    @Test
    void bodyOverTheServerLimitIsAProblem413() throws IOException {
        int size = 2 * 1024 * 1024;
        String head = "POST /api/reviews HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n";
        String response = exchange(head.getBytes(StandardCharsets.US_ASCII));
        assertProblem(response, 413);
    }

    @Test
    void problemAnsweredToHeadHasNoBodySoTheNextResponseOnTheConnectionIsIntact() throws IOException {
        String pipelined = "HEAD /api/no-such-route HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /observe/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String responses = readUntil(pipelined, "\"components\"");
        assertTrue(responses.startsWith("HTTP/1.1 404"), responses);
        String afterFirstHead = responses.substring(responses.indexOf("\r\n\r\n") + 4);
        assertTrue(afterFirstHead.startsWith("HTTP/1.1 200"), "the HEAD answer carried a body: " + responses);
    }

    @Test
    void methodTokenWithAControlCharacterIsABadRequest() throws IOException {
        String response = readUntil("G\u0000ET /api/get-profile/1 HTTP/1.1\r\nHost: localhost\r\n\r\n", "}");
        assertProblem(response, 400);
    }

    @Test
    void clientThatHangsUpMidHeadersLeavesNoStackTrace() throws Exception {
        List<LogRecord> records = captured(() -> {
            for (int i = 0; i < 6; i++) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    // Half of them reset the connection instead of closing it.
                    socket.setSoLinger(i % 2 == 0, 0);
                    String partial = i < 2 ? "GET /observe/hea" : "GET /observe/health HTTP/1.1\r\nHost: loc";
                    socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
        });
        assertEquals(List.of(), withStackTraces(records));
    }

    @Test
    void clientThatResetsBeforeItsErrorAnswerIsWrittenLeavesOneLineAndNoStackTrace() throws Exception {
        List<LogRecord> records = captured(() -> {
            for (int i = 0; i < 10; i++) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setSoLinger(true, 0);
                    // No token: a 401 the server writes while the reset is on its way.
                    socket.getOutputStream().write(("POST /api/reviews HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"a\":")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
        });
        assertEquals(List.of(), withStackTraces(records));
        List<String> disconnects = records.stream().map(LogRecord::getMessage)
                .filter(message -> message.startsWith("event=client-disconnect ")).toList();
        assertFalse(disconnects.isEmpty(), "no disconnect line among " + records.size() + " records");
        assertTrue(disconnects.getFirst().matches("event=client-disconnect remote=127\\.0\\.0\\.1:\\d+ "
                + "phase=error-response status=401 path=/api/reviews"), disconnects.getFirst());
    }

    /** The records logged anywhere while {@code clients} runs and a normal request after it is answered. */
    private List<LogRecord> captured(SocketWork clients) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            clients.run();
            readUntil("GET /observe/health HTTP/1.1\r\nHost: localhost\r\n\r\n", "components");
            Thread.sleep(300);
        } finally {
            root.removeHandler(capture);
        }
        return records;
    }

    private static List<String> withStackTraces(List<LogRecord> records) {
        return records.stream().filter(r -> r.getThrown() != null).map(r -> r.getLoggerName() + ": " + r.getMessage())
                .toList();
    }

    private interface SocketWork {
        void run() throws IOException;
    }

    @Test
    void problemNamesTheFullPathAsItsInstance() throws IOException {
        String response = readUntil("GET /api/get-profile/999999 HTTP/1.1\r\nHost: localhost\r\n\r\n", "}");
        assertTrue(response.contains("\"instance\":\"/api/get-profile/999999\""), response);
    }

    @Test
    void hostThatIsNotThisServerIsMisdirected() throws IOException {
        String response = readUntil("GET /observe/health HTTP/1.1\r\nHost: rebound.example:8080\r\n\r\n", "}");
        assertTrue(response.startsWith("HTTP/1.1 421"), response);
        assertFalse(response.contains("components"), "no health details for a foreign host: " + response);
        for (String host : new String[] {"localhost:8080", "127.0.0.1", "[::1]:8080", "LOCALHOST"}) {
            String allowed = readUntil("GET /observe/health HTTP/1.1\r\nHost: " + host + "\r\n\r\n", "components");
            assertTrue(allowed.startsWith("HTTP/1.1 200"), host + ": " + allowed);
        }
    }

    private static void assertProblem(String response, int status) throws IOException {
        assertTrue(response.startsWith("HTTP/1.1 " + status), response);
        String lower = response.toLowerCase();
        assertTrue(lower.contains("content-type: application/problem+json"), response);
        JsonNode body = CacheDeckJson.newMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("detail").asText().isBlank());
        assertFalse(response.contains("Exception"), "no internals leak: " + response);
    }

    /** Sends {@code request} on a kept-alive connection and reads until {@code expected} has arrived. */
    private String readUntil(String request, String expected) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (!received.toString().contains(expected)) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return received.toString();
        }
    }

    /** Sends raw bytes (java.net.http refuses to send malformed requests) and reads until the server closes. */
    private String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
