package dev.cachedeck.server.near;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * The {@code cachedeck.cache.near} section: how much one instance may hold in process, and for how long at most.
 * {@code localTtl} is only a backstop: entries leave on Redis's invalidation push long before it.
 */
public record NearSettings(long maxEntries, long maxBytes, Duration localTtl) {

    public NearSettings {
        if (maxEntries < 1 || maxBytes < maxEntries) {
            throw new IllegalArgumentException("near tier needs max-entries >= 1 and max-bytes >= max-entries, got "
                    + maxEntries + " and " + maxBytes);
        }
    }

    public static NearSettings load(Config near) {
        return new NearSettings(
                near.get("max-entries").asLong().orElse(100_000L),
                near.get("max-bytes").asLong().orElse(64L * 1024 * 1024),
                near.get("local-ttl").as(Duration.class).orElse(Duration.ofSeconds(45)));
    }
}
