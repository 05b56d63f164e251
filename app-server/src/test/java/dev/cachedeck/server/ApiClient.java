package dev.cachedeck.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.CacheDeckJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client for tests: sends a request, returns status, headers and the body parsed as JSON. */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final URI base;

    public ApiClient(URI base) {
        this.base = base;
    }

    public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** Answered whole from a cached response: this instance's near copy or the Redis response tier. */
        public boolean fromResponseCache() {
            String xCache = header("X-Cache");
            return "near=HIT".equals(xCache) || "api=HIT".equals(xCache);
        }
    }

    public Reply get(String path) {
        return send(request(path, null).GET().build());
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /**
     * Reads {@code path} until the answer comes from a cached response, for up to 10 s, and returns the last answer:
     * a miss stores its answer after sending it, so on a loaded machine the next read can miss too.
     */
    public Reply getUntilCached(String path) {
        return getUntil(path, null, Reply::fromResponseCache);
    }

    /** Reads {@code path} until an answer satisfies {@code done}, for up to 10 s, and returns the last answer. */
    public Reply getUntil(String path, String token, Predicate<Reply> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Reply reply = get(path, token);
        while (!done.test(reply) && System.nanoTime() < deadline) {
            reply = get(path, token);
        }
        return reply;
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : mapper.readTree(response.body());
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
