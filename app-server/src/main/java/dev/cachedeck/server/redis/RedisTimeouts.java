package dev.cachedeck.server.redis;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * How long a command may take before the request goes to the database instead, how long a connect
 * attempt may take, and how often to try again when Redis was unreachable at start.
 */
public record RedisTimeouts(Duration command, Duration connect, Duration reconnectInterval) {
    public static RedisTimeouts load(Config redis) {
        return new RedisTimeouts(
                redis.get("command-timeout").as(Duration.class).orElse(Duration.ofMillis(250)),
                redis.get("connect-timeout").as(Duration.class).orElse(Duration.ofSeconds(2)),
                redis.get("reconnect-interval").as(Duration.class).orElse(Duration.ofSeconds(1)));
    }
}
