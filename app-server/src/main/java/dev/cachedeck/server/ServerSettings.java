package dev.cachedeck.server;

import dev.cachedeck.server.bench.BenchSettings;
import dev.cachedeck.server.cache.CacheSettings;
import dev.cachedeck.server.http.ApiLimits;
import dev.cachedeck.server.keys.KeyAdminSettings;
import dev.cachedeck.server.metrics.MetricsSettings;
import dev.cachedeck.server.redis.RedisTimeouts;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server needs to start, resolved once from {@code application.yaml}, then the
 * documented environment variables, then command-line flags (later wins).
 */
public record ServerSettings(
        String host,
        int port,
        long maxPayloadBytes,
        Duration shutdownGrace,
        List<String> allowedHosts,
        Optional<String> adminToken,
        Path dataDir,
        boolean inMemory,
        long seed,
        double scale,
        Optional<String> jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int jdbcPoolSize,
        Optional<String> redisUrl,
        RedisTimeouts redisTimeouts,
        String embeddedRedisMaxMemory,
        ApiLimits apiLimits,
        Duration recentWindow,
        CacheSettings cache,
        Duration simulatedDbDelay,
        BenchSettings bench,
        KeyAdminSettings keys,
        MetricsSettings metrics) {

    public static ServerSettings load(Config root, Map<String, String> env) {
        Config server = root.get("server");
        Config app = root.get("cachedeck");
        ServerSettings fromConfig = new ServerSettings(
                server.get("host").asString().orElse("127.0.0.1"),
                server.get("port").asInt().orElse(8080),
                server.get("max-payload-size").asLong().orElse(1_048_576L),
                server.get("shutdown-grace-period").as(Duration.class).orElse(Duration.ofSeconds(5)),
                app.get("http.allowed-hosts").asList(String.class).orElse(List.of()),
                nonBlank(app.get("admin-token").asString().orElse("")),
                Path.of(app.get("data.dir").asString().orElse("data")),
                app.get("data.in-memory").asBoolean().orElse(false),
                app.get("data.seed").asLong().orElse(42L),
                app.get("data.scale").asDouble().orElse(1.0),
                nonBlank(app.get("jdbc.url").asString().orElse("")),
                app.get("jdbc.user").asString().orElse("sa"),
                app.get("jdbc.password").asString().orElse(""),
                app.get("jdbc.pool-size").asInt().orElse(16),
                nonBlank(app.get("redis.url").asString().orElse("")),
                RedisTimeouts.load(app.get("redis")),
                app.get("redis.embedded-max-memory").asString().orElse("512mb"),
                new ApiLimits(
                        app.get("api.max-body-bytes").asInt().orElse(65_536),
                        app.get("api.default-page-size").asInt().orElse(20),
                        app.get("api.max-page-size").asInt().orElse(100),
                        app.get("api.max-page-number").asInt().orElse(10_000)),
                app.get("api.recent-window").as(Duration.class).orElse(Duration.ofDays(90)),
                CacheSettings.load(app.get("cache")),
                app.get("jdbc.simulated-delay").as(Duration.class).orElse(Duration.ZERO),
                BenchSettings.load(app.get("bench")),
                KeyAdminSettings.load(app.get("keys")),
                MetricsSettings.load(app.get("metrics")));
        return fromConfig.withEnvironment(env);
    }

    /** Applies {@code REDIS_URL}, {@code CACHEDECK_ADMIN_TOKEN} and {@code CACHEDECK_JDBC_URL} when set. */
    public ServerSettings withEnvironment(Map<String, String> env) {
        ServerSettings settings = this;
        Optional<String> redis = nonBlank(env.get("REDIS_URL"));
        if (redis.isPresent()) {
            settings = settings.withRedisUrl(redis.get());
        }
        Optional<String> token = nonBlank(env.get("CACHEDECK_ADMIN_TOKEN"));
        if (token.isPresent()) {
            settings = settings.withAdminToken(token.get());
        }
        Optional<String> jdbc = nonBlank(env.get("CACHEDECK_JDBC_URL"));
        if (jdbc.isPresent()) {
            settings = settings.withJdbcUrl(jdbc.get());
        }
        return settings;
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, maxPayloadBytes, shutdownGrace,
                allowedHosts, adminToken, dataDir, inMemory, seed,
                scale, jdbcUrl, jdbcUser, jdbcPassword, jdbcPoolSize, redisUrl, redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    public ServerSettings withDataDir(Path newDataDir) {
        return new ServerSettings(host, port, maxPayloadBytes, shutdownGrace,
                allowedHosts, adminToken, newDataDir, false, seed,
                scale, jdbcUrl, jdbcUser, jdbcPassword, jdbcPoolSize, redisUrl, redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    public ServerSettings withInMemory(boolean newInMemory) {
        return new ServerSettings(host, port, maxPayloadBytes, shutdownGrace,
                allowedHosts, adminToken, dataDir, newInMemory, seed,
                scale, jdbcUrl, jdbcUser, jdbcPassword, jdbcPoolSize, redisUrl, redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    public ServerSettings withScale(double newScale) {
        return new ServerSettings(host, port, maxPayloadBytes, shutdownGrace,
                allowedHosts, adminToken, dataDir, inMemory, seed,
                newScale, jdbcUrl, jdbcUser, jdbcPassword, jdbcPoolSize, redisUrl, redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    public ServerSettings withAdminToken(String token) {
        return new ServerSettings(host, port, maxPayloadBytes, shutdownGrace,
                allowedHosts, Optional.of(token), dataDir, inMemory,
                seed, scale, jdbcUrl, jdbcUser, jdbcPassword, jdbcPoolSize, redisUrl, redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    public ServerSettings withRedisUrl(String url) {
        return new ServerSettings(host, port, maxPayloadBytes, shutdownGrace,
                allowedHosts, adminToken, dataDir, inMemory, seed,
                scale, jdbcUrl, jdbcUser, jdbcPassword, jdbcPoolSize, Optional.of(url), redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    public ServerSettings withJdbcUrl(String url) {
        return new ServerSettings(host, port, maxPayloadBytes, shutdownGrace,
                allowedHosts, adminToken, dataDir, inMemory, seed,
                scale, Optional.of(url), jdbcUser, jdbcPassword, jdbcPoolSize, redisUrl, redisTimeouts,
                embeddedRedisMaxMemory, apiLimits, recentWindow, cache,
                simulatedDbDelay, bench, keys, metrics);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
