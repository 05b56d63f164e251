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

    private static void assertProblem(String response, int status) throws IOException {
        assertTrue(response.startsWith("HTTP/1.1 " + status), response);
        String lower = response.toLowerCase();
        assertTrue(lower.contains("content-type: application/problem+json"), response);
        JsonNode body = CacheDeckJson.newMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("detail").asText().isBlank());
        assertFalse(response.contains("Exception"), "no internals leak: " + response);
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
