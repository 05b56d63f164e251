package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.redis.Futures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.cachedeck.server.near.NearCache;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Applies a write's invalidation to every tier before the write answers: take a new sequence
 * number, raise each tag's version to it, then empty each tag's set and delete the keys it held.
 * The order matters (see {@link EntryStore}). It runs whether or not the tiers are switched on,
 * since entries stored before a switch-off must not survive writes made during it.
 */
public final class Invalidator {
    private static final Logger LOG = Logger.getLogger(Invalidator.class.getName());
    // Versions only ever rise: two writers may set them out of order.
    static final String RAISE_VERSION = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

    private final RedisGuard redis;
    private final CacheKeys keys;
    private final CacheCounters counters;
    private final Duration versionTtl;
    private final InvalidationLog log;
    private final NearCache near;

    public Invalidator(RedisGuard redis, CacheKeys keys, CacheCounters counters, Duration versionTtl,
                       InvalidationLog log, NearCache near) {
        this.near = near;
        this.redis = redis;
        this.keys = keys;
        this.counters = counters;
        this.versionTtl = versionTtl;
        this.log = log;
    }

    /** Keys removed per tier by one invalidation. */
    public record Result(Set<String> tags, Map<Tier, Integer> removed, long micros, boolean applied) {
    }

    /** Invalidates {@code tags}; {@code cause} is what the invalidation log shows for it. */
    public Result invalidate(Set<String> tags, String route, String cause) {
        long start = System.nanoTime();
        Map<Tier, Integer> removed = new EnumMap<>(Tier.class);
        boolean applied;
        try {
            redis.run(connection -> {
                RedisClusterAsyncCommands<String, byte[]> async = connection.async();
                long sequence = Futures.await(async.incr(keys.sequence()));
                raiseVersions(async, tags, sequence);
                sweep(async, tags, removed);
                return null;
            });
            applied = true;
        } catch (CacheUnavailableException e) {
            // Nothing may be served from Redis until it has been flushed: the breaker sees to that.
            redis.invalidationLost(e.getMessage());
            applied = false;
        }
        removed.forEach((tier, count) -> counters.invalidated(tier, route, count));
        Result result = new Result(tags, removed, (System.nanoTime() - start) / 1_000, applied);
        log.record(cause, route, result);
        LOG.fine(() -> "invalidated tags=" + tags + " removed=" + removed + " us=" + result.micros()
                + " applied=" + result.applied());
        return result;
    }

    private void raiseVersions(RedisClusterAsyncCommands<String, byte[]> async, Set<String> tags, long sequence) {
        byte[] value = EntryStore.ascii(Long.toString(sequence));
        byte[] ttl = EntryStore.ascii(Long.toString(versionTtl.toMillis()));
        List<RedisFuture<Long>> raised = tags.stream().map(tag -> async.<Long>eval(RAISE_VERSION, ScriptOutputType.INTEGER,
                new String[] {keys.tagVersion(tag)}, value, ttl)).toList();
        raised.forEach(Futures::await);
    }

    /**
     * Empties each tag's set in one command ({@code SPOP} of every member) and unlinks the keys it held.
     * Taking the set whole is what keeps a registration made during the sweep: reading the members and
     * removing them afterwards would also remove a reader's registration of a key that was still a member
     * (its {@code SADD} changed nothing), leaving the entry it then stores where no later write finds it.
     */
    private void sweep(RedisClusterAsyncCommands<String, byte[]> async, Set<String> tags, Map<Tier, Integer> removed) {
        List<RedisFuture<Set<byte[]>>> taken = tags.stream()
                .map(tag -> async.spop(keys.tagSet(tag), Long.MAX_VALUE))
                .toList();
        Map<RedisFuture<Long>, Tier> unlinks = new IdentityHashMap<>();
        List<String> swept = new ArrayList<>();
        for (RedisFuture<Set<byte[]>> members : taken) {
            for (byte[] member : Futures.await(members)) {
                String key = new String(member, StandardCharsets.UTF_8);
                Tier tier = keys.tierOf(key);
                if (tier != null) {
                    unlinks.put(async.unlink(key), tier);
                    swept.add(key);
                }
            }
        }
        // A key listed under a tag may have expired already; count only what was really removed.
        unlinks.forEach((unlink, tier) -> removed.merge(tier, Futures.await(unlink).intValue(), Integer::sum));
        // Read-your-writes here: this instance drops its near copies now, not when the push arrives.
        near.remove(swept);
    }
}
