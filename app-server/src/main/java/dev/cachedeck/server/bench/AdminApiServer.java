package dev.cachedeck.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.bench.DatabaseDelay;
import dev.cachedeck.model.bench.PhaseMarker;
import dev.cachedeck.model.bench.Population;
import dev.cachedeck.model.bench.RedisPause;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.InstanceList;
import dev.cachedeck.model.monitor.Toggle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A server seen through its admin API, for a scenario generated in another process. Only the phase switches go
 * through here (a handful of calls per phase), so a general HTTP client is fine; the load itself goes through
 * the lean client. A failed call ends the scenario (it cannot know which state the server is in).
 */
final class AdminApiServer implements ScenarioServer {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final String RECOVERED = "CLOSED";

    private final URI base;
    private final String bearer;
    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminApiServer(URI base, String adminToken) {
        this.base = base;
        this.bearer = "Bearer " + adminToken;
    }

    @Override
    public Population population() {
        return call("GET", ApiPaths.ADMIN_BENCH_POPULATION, null, Population.class);
    }

    @Override
    public Saved save() {
        boolean enabled = call("GET", ApiPaths.ADMIN_CACHE, null, CacheStatus.class).enabled();
        double delayMillis = call("GET", ApiPaths.ADMIN_DATABASE_DELAY, null, DatabaseDelay.class).millis();
        return new Saved(enabled, Duration.ofNanos(Math.round(delayMillis * 1_000_000)));
    }

    @Override
    public void restore(Saved saved) {
        setCacheEnabled(saved.cacheEnabled());
        setDbDelay(saved.dbDelay());
    }

    @Override
    public void setDbDelay(Duration delay) {
        call("PUT", ApiPaths.ADMIN_DATABASE_DELAY, new DatabaseDelay(delay.toNanos() / 1e6), DatabaseDelay.class);
    }

    @Override
    public void setCacheEnabled(boolean enabled) {
        call("PUT", ApiPaths.ADMIN_CACHE, new Toggle(enabled), CacheStatus.class);
    }

    @Override
    public void flushCache() {
        call("DELETE", ApiPaths.ADMIN_CACHE_ENTRIES, null, CacheStatus.class);
    }

    @Override
    public void pauseRedis(Duration length) {
        call("POST", ApiPaths.ADMIN_BENCH_REDIS_PAUSE, new RedisPause(length.toMillis()), null);
    }

    @Override
    public boolean awaitCacheRecovered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!RECOVERED.equals(call("GET", ApiPaths.ADMIN_CACHE, null, CacheStatus.class).circuit())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void mark(String label) {
        call("POST", ApiPaths.ADMIN_BENCH_MARKERS, new PhaseMarker(label), null);
    }

    /** The server instances registered in the Redis this server shares. */
    InstanceList instances() {
        return call("GET", ApiPaths.ADMIN_INSTANCES, null, InstanceList.class);
    }

    private <T> T call(String method, String path, Object body, Class<T> answer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT)
                    .header("Authorization", bearer);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return answer == null ? null : mapper.readValue(response.body(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
