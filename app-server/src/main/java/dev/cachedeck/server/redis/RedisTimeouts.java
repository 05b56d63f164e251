package dev.cachedeck.server.redis;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * How long a command may take before the request goes to the database instead, how long a connect
 * attempt may take, how often to try again when Redis was unreachable at start, and how long the
 * admin tools' commands may take (a key page or a purge batch is hundreds of commands, and no
 * request waits for it).
 */
public record RedisTimeouts(Duration command, Duration connect, Duration reconnectInterval, Duration adminCommand) {
    public static RedisTimeouts load(Config redis) {
        return new RedisTimeouts(
                redis.get("command-timeout").as(Duration.class).get(),
                redis.get("connect-timeout").as(Duration.class).get(),
                redis.get("reconnect-interval").as(Duration.class).get(),
                redis.get("admin-command-timeout").as(Duration.class).get());
    }

    /** The same settings with the admin tools' command timeout, for their own connection. */
    public RedisTimeouts forAdmin() {
        return new RedisTimeouts(adminCommand, connect, reconnectInterval, adminCommand);
    }
}
