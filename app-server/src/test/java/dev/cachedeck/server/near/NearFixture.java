package dev.cachedeck.server.near;

import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisTimeouts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** A near tier tracking a real embedded Redis, with a plain connection for the test to read and write through. */
final class NearFixture implements AutoCloseable {
    static final String PREFIX = "cd:api:";
    static final Duration WAIT = Duration.ofSeconds(10);

    final EmbeddedRedis redis = EmbeddedRedis.start("64mb");
    final RedisConnection connections = new RedisConnection(redis.url(),
            new RedisTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(5),
                    Duration.ofSeconds(2)));
    final NearCache near;
    final NearInvalidation invalidation;
    private final RedisClient dataClient = RedisClient.create(redis.url());
    private final StatefulRedisConnection<String, String> data = dataClient.connect();
    private final AtomicLong writes = new AtomicLong();

    NearFixture() {
        this(new NearSettings(10_000, 16L * 1024 * 1024, Duration.ofMinutes(1)));
    }

    NearFixture(NearSettings settings) {
        near = new NearCache(settings);
        invalidation = new NearInvalidation(near, List.of(PREFIX), connections::connectResp3, Duration.ofMillis(100));
        invalidation.track(List.of(RedisURI.create(redis.url())));
        await(near::filling, "tracking on");
    }

    RedisCommands<String, String> redis() {
        return data.sync();
    }

    /** Writes a tracked key: Redis pushes one invalidation for it (see {@link #settle}). */
    void set(String key, String value) {
        redis().set(key, value);
        writes.incrementAndGet();
    }

    /** Waits until the near tier has received the push of every {@link #set} so far (one connection keeps them in order). */
    void settle() {
        long expected = writes.get();
        await(() -> near.stats().pushedKeys() >= expected, expected + " pushed keys");
    }

    /** The read-through the tiers do: claim, read Redis, keep what was read unless an invalidation came between. */
    String readThrough(String key) {
        Object held = near.get(key);
        if (held != null) {
            return (String) held;
        }
        NearCache.Fill fill = near.startFill(key);
        String value = redis().get(key);
        if (fill != null && value != null) {
            near.complete(key, fill, value, value.length());
        }
        return value;
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Override
    public void close() {
        invalidation.close();
        data.close();
        dataClient.shutdown();
        connections.close();
        redis.close();
    }
}
