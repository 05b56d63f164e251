package dev.cachedeck.server.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.KeyInfo;
import dev.cachedeck.model.keys.KeyKind;
import dev.cachedeck.model.keys.KeyPage;
import dev.cachedeck.model.keys.TagDependency;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.cache.Envelope;
import dev.cachedeck.server.cache.EnvelopeCodec;
import dev.cachedeck.server.catalog.KeyParser;
import dev.cachedeck.server.catalog.KeyParser.ParsedKey;
import dev.cachedeck.server.redis.Futures;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import dev.cachedeck.server.near.NearCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads and edits single keys under the prefix: SCAN pages (never KEYS) with type, TTL, size and the
 * parsed entity, one key decoded, delete, TTL change. Only cache entries may be deleted or re-timed:
 * tag sets, versions and the sequence are what makes invalidation correct.
 */
public final class KeyBrowser {
    private final AdminRedis redis;
    private final CacheKeys keys;
    private final KeyParser parser;
    private final EnvelopeCodec codec;
    private final ObjectMapper mapper;
    private final Supplier<Duration> longestEntryTtl;
    private final Duration leaseTime;
    private final NearCache near;

    /**
     * @param longestEntryTtl the longest TTL an entry may be given: tag sets are kept that long (plus a
     *                        lease), so an entry living longer could outlive its registration and miss invalidation
     */
    public KeyBrowser(AdminRedis redis, CacheKeys keys, KeyParser parser, EnvelopeCodec codec, ObjectMapper mapper,
                      Supplier<Duration> longestEntryTtl, Duration leaseTime, NearCache near) {
        this.near = near;
        this.redis = redis;
        this.keys = keys;
        this.parser = parser;
        this.codec = codec;
        this.mapper = mapper;
        this.longestEntryTtl = longestEntryTtl;
        this.leaseTime = leaseTime;
    }

    /**
     * One SCAN step over {@code relativeGlob} under the prefix, keeping keys of {@code tier} when given. On a
     * cluster the walk visits one master after the other; the cursor says which one and where in it.
     */
    KeyPage page(String relativeGlob, Tier tier, KeyCursor cursor, int count) {
        ScanArgs args = ScanArgs.Builder.matches(keys.confined(relativeGlob)).limit(count);
        KeyScan.Step scanned = redis.run(connection -> KeyScan.step(connection, cursor, args));
        List<String> selected = scanned.keys().stream()
                .filter(key -> parser.parse(key).filter(parsed -> tier == null || parsed.tier() == tier).isPresent())
                .toList();
        return new KeyPage(describe(selected), scanned.next().toString(), scanned.keys().size());
    }

    /** Type, PTTL, MEMORY USAGE and lease state of each key, pipelined. Keys must lie under the prefix. */
    public List<KeyInfo> describe(List<String> selected) {
        if (selected.isEmpty()) {
            return List.of();
        }
        return redis.run(connection -> {
            RedisClusterAsyncCommands<String, byte[]> async = connection.async();
            List<RedisFuture<String>> types = selected.stream().map(async::type).toList();
            List<RedisFuture<Long>> ttls = selected.stream().map(async::pttl).toList();
            List<RedisFuture<Long>> sizes = selected.stream().map(async::memoryUsage).toList();
            List<RedisFuture<byte[]>> heads = selected.stream()
                    .map(key -> parser.parse(key).orElseThrow().tier() == null ? null : async.getrange(key, 0, 0))
                    .toList();
            List<KeyInfo> infos = new ArrayList<>(selected.size());
            for (int i = 0; i < selected.size(); i++) {
                String key = selected.get(i);
                ParsedKey parsed = parser.parse(key).orElseThrow();
                String type = Futures.await(types.get(i));
                KeyKind kind = parsed.tier() != null && "string".equals(type) && isLease(heads.get(i))
                        ? KeyKind.LEASE : parsed.kind();
                Long size = Futures.await(sizes.get(i));
                infos.add(new KeyInfo(key, parsed.tier(), kind, type, Futures.await(ttls.get(i)),
                        size == null ? -1 : size, parsed.entity() == null ? null : parsed.entity().wireName(),
                        parsed.entityId(), parsed.route()));
            }
            return infos;
        });
    }

    private static boolean isLease(RedisFuture<byte[]> head) {
        try {
            return head != null && EnvelopeCodec.isLease(Futures.await(head));
        } catch (RedisException e) {
            // A tier key that is not a string was not written by the cache: not a lease either.
            return false;
        }
    }

    /** The key decoded, or empty when it does not exist. */
    public Optional<KeyDetail> detail(String key) {
        KeyInfo info = describe(List.of(key)).getFirst();
        if ("none".equals(info.redisType())) {
            return Optional.empty();
        }
        return redis.run(connection -> {
            RedisClusterAsyncCommands<String, byte[]> async = connection.async();
            return switch (info.redisType()) {
                case "string" -> Optional.ofNullable(Futures.await(async.get(key)))
                        .map(stored -> stringDetail(async, info, stored));
                case "set" -> Optional.of(new KeyDetail(info, json(Futures.await(async.smembers(key)).stream()
                        .map(member -> new String(member, StandardCharsets.UTF_8)).sorted().toList()), List.of(),
                        -1, -1, false));
                default -> Optional.of(new KeyDetail(info, null, List.of(), -1, -1, false));
            };
        });
    }

    private KeyDetail stringDetail(RedisClusterAsyncCommands<String, byte[]> async, KeyInfo info, byte[] stored) {
        if (info.kind() == KeyKind.LEASE) {
            return new KeyDetail(info, null, List.of(), stored.length, -1, false);
        }
        if (info.kind() != KeyKind.ENTRY) {
            return new KeyDetail(info, readableJson(stored), List.of(), stored.length, -1, false);
        }
        Envelope envelope;
        try {
            envelope = codec.decode(stored);
        } catch (EnvelopeCodec.CorruptEntryException e) {
            return new KeyDetail(info, null, List.of(), stored.length, -1, false);
        }
        return new KeyDetail(info, readableJson(envelope.payload()), dependencies(async, envelope.tags()),
                stored.length, envelope.payload().length, near.holds(info.key()));
    }

    private List<TagDependency> dependencies(RedisClusterAsyncCommands<String, byte[]> async, Map<String, Long> tags) {
        List<String> names = tags.keySet().stream().sorted().toList();
        List<RedisFuture<byte[]>> versions = names.stream().map(tag -> async.get(keys.tagVersion(tag))).toList();
        List<TagDependency> dependencies = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            byte[] version = Futures.await(versions.get(i));
            dependencies.add(new TagDependency(names.get(i), tags.get(names.get(i)),
                    version == null ? null : Long.valueOf(new String(version, StandardCharsets.US_ASCII))));
        }
        return dependencies;
    }

    /** Pretty JSON when the bytes are JSON, else the text as a JSON string. */
    private String readableJson(byte[] payload) {
        try {
            JsonNode tree = mapper.readTree(payload);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            return json(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private String json(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code key} may be deleted or re-timed by hand: cache entries and leases only. */
    public boolean editable(String key) {
        return parser.parse(key).map(parsed -> parsed.tier() != null).orElse(false);
    }

    /** UNLINKs the key; false when it did not exist. */
    public boolean delete(String key) {
        return redis.run(connection -> Futures.await(connection.async().unlink(key))) > 0;
    }

    /** The longest TTL {@link #expire} accepts right now. */
    public Duration longestTtl() {
        return longestEntryTtl.get();
    }

    /**
     * Sets the key's TTL; false when it did not exist. An entry's tag sets are kept at least as long
     * (plus a lease), so the entry cannot outlive the registration an invalidation needs to find it.
     */
    public boolean expire(String key, Duration ttl) {
        return redis.run(connection -> {
            RedisClusterAsyncCommands<String, byte[]> async = connection.async();
            byte[] stored = Futures.await(async.get(key));
            if (stored == null) {
                return false;
            }
            tagsOf(stored).forEach(tag -> keepTagSet(async, keys.tagSet(tag), ttl));
            return Futures.await(async.pexpire(key, ttl.toMillis()));
        });
    }

    private Set<String> tagsOf(byte[] stored) {
        if (EnvelopeCodec.isLease(stored)) {
            return Set.of();
        }
        try {
            return codec.decode(stored).tags().keySet();
        } catch (EnvelopeCodec.CorruptEntryException e) {
            // Not an entry the cache wrote: nothing is registered for it.
            return Set.of();
        }
    }

    private void keepTagSet(RedisClusterAsyncCommands<String, byte[]> async, String tagSet, Duration entryTtl) {
        long needed = entryTtl.plus(leaseTime).toMillis();
        Long left = Futures.await(async.pttl(tagSet));
        if (left != null && left >= 0 && left < needed) {
            Futures.await(async.pexpire(tagSet, needed));
        }
    }
}
