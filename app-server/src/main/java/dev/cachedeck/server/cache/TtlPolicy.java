package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TTL per tier and data type, with jitter so keys filled together do not expire together. Empty
 * results ("not found", empty pages) live for {@code negative} at most, so a row created behind
 * the cache's back is not hidden for an hour.
 */
public record TtlPolicy(Map<Tier, Map<DataType, Duration>> table, double jitter, Duration negative) {
    public TtlPolicy {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        Map<Tier, Map<DataType, Duration>> copy = new EnumMap<>(Tier.class);
        table.forEach((tier, types) -> copy.put(tier, Map.copyOf(types)));
        table = Map.copyOf(copy);
    }

    public Duration base(Tier tier, DataType type) {
        Duration ttl = table.getOrDefault(tier, Map.of()).get(type);
        if (ttl == null) {
            throw new IllegalArgumentException("no TTL for " + tier + "/" + type.configName());
        }
        return ttl;
    }

    /** This policy with the base TTL of one existing cell replaced. */
    public TtlPolicy withBase(Tier tier, DataType type, Duration ttl) {
        base(tier, type);
        Map<Tier, Map<DataType, Duration>> next = new EnumMap<>(Tier.class);
        table.forEach((t, types) -> {
            Map<DataType, Duration> cells = new EnumMap<>(DataType.class);
            cells.putAll(types);
            next.put(t, cells);
        });
        next.get(tier).put(type, ttl);
        return new TtlPolicy(next, jitter, negative);
    }

    /** The TTL to store with: the base, shortened by up to {@code jitter} of itself at random. */
    public Duration forEntry(Tier tier, DataType type, boolean empty) {
        Duration base = base(tier, type);
        if (empty && negative.compareTo(base) < 0) {
            base = negative;
        }
        long millis = base.toMillis();
        long spread = (long) (millis * jitter);
        return Duration.ofMillis(millis - (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1)));
    }

    public Duration longest() {
        return table.values().stream().flatMap(types -> types.values().stream())
                .max(Duration::compareTo).orElse(Duration.ofHours(1));
    }
}
