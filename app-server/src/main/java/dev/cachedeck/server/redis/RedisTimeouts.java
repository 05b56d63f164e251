package dev.cachedeck.server.redis;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * How long a command may take before the request goes to the database instead, how long a connect
 * attempt may take, how often to try again when Redis was unreachable at start, how long the admin
 * tools' commands may take (a key page or a purge batch is hundreds of commands, and no request waits
 * for it), and how often a cluster's topology is read again (besides Lettuce's adaptive refresh on
 * redirects and reconnects).
 */
public record RedisTimeouts(Duration command, Duration connect, Duration reconnectInterval, Duration adminCommand,
                            Duration topologyRefresh) {
    public static RedisTimeouts load(Config redis) {
        return new RedisTimeouts(
                redis.get("command-timeout").as(Duration.class).get(),
                redis.get("connect-timeout").as(Duration.class).get(),
                redis.get("reconnect-interval").as(Duration.class).get(),
                redis.get("admin-command-timeout").as(Duration.class).get(),
                redis.get("topology-refresh").as(Duration.class).get());
    }

    /** The same settings with the admin tools' command timeout, for their own connection. */
    public RedisTimeouts forAdmin() {
        return new RedisTimeouts(adminCommand, connect, reconnectInterval, adminCommand, topologyRefresh);
    }
}
