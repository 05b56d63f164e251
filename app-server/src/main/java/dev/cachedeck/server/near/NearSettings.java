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

    /** Reads the section; the defaults are in {@code application.yaml} only. */
    public static NearSettings load(Config near) {
        return new NearSettings(
                near.get("max-entries").asLong().get(),
                near.get("max-bytes").asLong().get(),
                near.get("local-ttl").as(Duration.class).get());
    }
}
