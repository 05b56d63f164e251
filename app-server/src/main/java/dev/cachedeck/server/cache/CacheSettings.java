package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.near.NearSettings;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The {@code cachedeck.cache} section of the configuration. */
public record CacheSettings(
        String prefix,
        boolean enabled,
        Map<Tier, Boolean> tiers,
        TtlPolicy ttl,
        int compressAboveBytes,
        Duration leaseTime,
        Duration leaseWait,
        int breakerFailureThreshold,
        Duration breakerProbeInterval,
        int invalidationLogSize,
        boolean watchKeyEvents,
        NearSettings near) {

    /**
     * Reads the section; every value comes from the configuration (the defaults are in {@code application.yaml}
     * only), and the TTL table holds exactly the tiers and data types it lists (the near tier has none: it keeps
     * copies of the others' entries).
     */
    public static CacheSettings load(Config cache) {
        Map<Tier, Boolean> tiers = new EnumMap<>(Tier.class);
        Map<Tier, Map<DataType, Duration>> table = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            tiers.put(tier, cache.get("tiers." + tier.wireName()).asBoolean().get());
        }
        for (Config row : cache.get("ttl").asNodeList().get()) {
            Tier tier = Tier.fromWire(row.name()).orElseThrow(() ->
                    new IllegalArgumentException("unknown tier '" + row.name() + "' in cachedeck.cache.ttl"));
            Map<DataType, Duration> types = new EnumMap<>(DataType.class);
            for (Config cell : row.asNodeList().get()) {
                DataType type = DataType.fromConfigName(cell.name()).orElseThrow(() ->
                        new IllegalArgumentException("unknown data type '" + cell.name() + "' in cachedeck.cache.ttl"));
                types.put(type, cell.as(Duration.class).get());
            }
            table.put(tier, types);
        }
        return new CacheSettings(
                cache.get("prefix").asString().get(),
                cache.get("enabled").asBoolean().get(),
                tiers,
                new TtlPolicy(table, cache.get("jitter").asDouble().get(),
                        cache.get("negative-ttl").as(Duration.class).get()),
                cache.get("compress-above-bytes").asInt().get(),
                cache.get("lease-time").as(Duration.class).get(),
                cache.get("lease-wait").as(Duration.class).get(),
                cache.get("breaker.failure-threshold").asInt().get(),
                cache.get("breaker.probe-interval").as(Duration.class).get(),
                cache.get("invalidation-log-size").asInt().get(),
                cache.get("watch-key-events").asBoolean().get(),
                NearSettings.load(cache.get("near")));
    }
}
