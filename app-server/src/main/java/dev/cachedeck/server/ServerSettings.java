package dev.cachedeck.server;

import dev.cachedeck.server.bench.BenchSettings;
import dev.cachedeck.server.cache.CacheSettings;
import dev.cachedeck.server.http.ApiLimits;
import dev.cachedeck.server.instance.InstanceSettings;
import dev.cachedeck.server.keys.KeyAdminSettings;
import dev.cachedeck.server.metrics.MetricsSettings;
import dev.cachedeck.server.redis.RedisTimeouts;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server needs to start, read once from one layered configuration: {@code application.yaml}
 * (the only place defaults are written), then the documented environment variables, then overrides such as
 * command-line flags (later wins). The {@code server} section goes to Helidon's web server as it is.
 */
public record ServerSettings(
        Config config,
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
        MetricsSettings metrics,
        InstanceSettings instance) {

    private static final List<String> SECTIONS = List.of("server", "cachedeck");
    /** The environment variables the server reads, and the configuration key each one sets. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "REDIS_URL", "cachedeck.redis.url",
            "CACHEDECK_ADMIN_TOKEN", "cachedeck.admin-token",
            "CACHEDECK_JDBC_URL", "cachedeck.jdbc.url",
            "CACHEDECK_JDBC_USER", "cachedeck.jdbc.user",
            "CACHEDECK_JDBC_PASSWORD", "cachedeck.jdbc.password",
            "CACHEDECK_INSTANCE_ID", "cachedeck.server.instance-id",
            "CACHEDECK_PUBLIC_URL", "cachedeck.server.public-url");

    /** {@code root} (normally {@link Config#create()}) with the documented variables of {@code env} on top. */
    public static ServerSettings load(Config root, Map<String, String> env) {
        Map<String, String> fromEnv = new HashMap<>();
        ENVIRONMENT.forEach((variable, key) -> nonBlank(env.get(variable)).ifPresent(value -> fromEnv.put(key, value)));
        return read(layered(root, fromEnv));
    }

    /** These settings with {@code overrides} (configuration keys, such as {@code server.port}) on top. */
    public ServerSettings with(Map<String, String> overrides) {
        return read(layered(config, overrides));
    }

    private static ServerSettings read(Config root) {
        Config app = root.get("cachedeck");
        return new ServerSettings(
                root,
                nonBlank(app.get("admin-token").asString().get()),
                Path.of(app.get("data.dir").asString().get()),
                app.get("data.in-memory").asBoolean().get(),
                app.get("data.seed").asLong().get(),
                app.get("data.scale").asDouble().get(),
                nonBlank(app.get("jdbc.url").asString().get()),
                app.get("jdbc.user").asString().get(),
                app.get("jdbc.password").asString().get(),
                app.get("jdbc.pool-size").asInt().get(),
                nonBlank(app.get("redis.url").asString().get()),
                RedisTimeouts.load(app.get("redis")),
                app.get("redis.embedded-max-memory").asString().get(),
                new ApiLimits(
                        app.get("api.max-body-bytes").asInt().get(),
                        app.get("api.default-page-size").asInt().get(),
                        app.get("api.max-page-size").asInt().get(),
                        app.get("api.max-page-number").asInt().get()),
                app.get("api.recent-window").as(Duration.class).get(),
                CacheSettings.load(app.get("cache")),
                app.get("jdbc.simulated-delay").as(Duration.class).get(),
                BenchSettings.load(app.get("bench")),
                KeyAdminSettings.load(app.get("keys")),
                MetricsSettings.load(app.get("metrics")),
                InstanceSettings.load(app.get("server")));
    }

    /** The server's sections of {@code base}, with {@code overrides} replacing their values, as one configuration. */
    private static Config layered(Config base, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (String section : SECTIONS) {
            values.putAll(base.get(section).asMap().get());
        }
        values.putAll(overrides);
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(values))
                .build();
    }

    /** The {@code server} section: Helidon's web server reads it as it is. */
    public Config server() {
        return config.get("server");
    }

    public String host() {
        return server().get("host").asString().get();
    }

    /** Host names answered besides loopback and the bind address: {@code cachedeck.http.allowed-hosts}, comma-separated. */
    public List<String> allowedHosts() {
        return Arrays.stream(config.get("cachedeck.http.allowed-hosts").asString().get().split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    /** How long a request's header section may take after its request line: {@code cachedeck.http.header-timeout}. */
    public Duration headerTimeout() {
        return config.get("cachedeck.http.header-timeout").as(Duration.class).get();
    }

    /** How often connections are checked against {@link #headerTimeout()}. */
    public Duration headerCheckPeriod() {
        return config.get("cachedeck.http.header-check-period").as(Duration.class).get();
    }

    public int port() {
        return server().get("port").asInt().get();
    }

    public ServerSettings withPort(int port) {
        return with(Map.of("server.port", Integer.toString(port)));
    }

    /** Keeps the database in {@code dir} (and not in memory). */
    public ServerSettings withDataDir(Path dir) {
        return with(Map.of("cachedeck.data.dir", dir.toString(), "cachedeck.data.in-memory", "false"));
    }

    public ServerSettings withInMemory(boolean inMemory) {
        return with(Map.of("cachedeck.data.in-memory", Boolean.toString(inMemory)));
    }

    public ServerSettings withScale(double scale) {
        return with(Map.of("cachedeck.data.scale", Double.toString(scale)));
    }

    public ServerSettings withAdminToken(String token) {
        return with(Map.of("cachedeck.admin-token", token));
    }

    public ServerSettings withRedisUrl(String url) {
        return with(Map.of("cachedeck.redis.url", url));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
