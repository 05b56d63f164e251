package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.near.NearSettings;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The {@code cachedeck.cache} section of the configuration. */
public record CacheSettings(
        String prefix,
        boolean enabled,
        Map<Tier, Boolean> tiers,
        TtlPolicy ttl,
        int compressAboveBytes,
        Duration leaseTime,
        int breakerFailureThreshold,
        Duration breakerProbeInterval,
        int invalidationLogSize,
        boolean watchKeyEvents,
        NearSettings near) {

    public static CacheSettings load(Config cache) {
        TtlPolicy defaults = TtlPolicy.defaults();
        Map<Tier, Boolean> tiers = new EnumMap<>(Tier.class);
        Map<Tier, Map<DataType, Duration>> table = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String name = configName(tier);
            tiers.put(tier, cache.get("tiers." + name).asBoolean().orElse(true));
            Map<DataType, Duration> types = new EnumMap<>(DataType.class);
            defaults.table().getOrDefault(tier, Map.of()).forEach((type, fallback) -> types.put(type,
                    cache.get("ttl." + name + "." + type.configName()).as(Duration.class).orElse(fallback)));
            table.put(tier, types);
        }
        return new CacheSettings(
                cache.get("prefix").asString().orElse("cd"),
                cache.get("enabled").asBoolean().orElse(true),
                tiers,
                new TtlPolicy(table, cache.get("jitter").asDouble().orElse(defaults.jitter()),
                        cache.get("negative-ttl").as(Duration.class).orElse(defaults.negative())),
                cache.get("compress-above-bytes").asInt().orElse(1024),
                cache.get("lease-time").as(Duration.class).orElse(Duration.ofSeconds(10)),
                cache.get("breaker.failure-threshold").asInt().orElse(3),
                cache.get("breaker.probe-interval").as(Duration.class).orElse(Duration.ofMillis(500)),
                cache.get("invalidation-log-size").asInt().orElse(500),
                cache.get("watch-key-events").asBoolean().orElse(true),
                NearSettings.load(cache.get("near")));
    }

    /** {@code response}, {@code query}, {@code model}: the tier names used in configuration. */
    public static String configName(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}
