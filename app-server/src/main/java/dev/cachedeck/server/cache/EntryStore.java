package dev.cachedeck.server.cache;

import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.redis.Futures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and writes entries of every tier with a protocol that closes the stale-set race (a reader
 * that loaded old data storing it after a write's invalidation):
 *
 * <ol>
 * <li>On a miss the reader takes a lease: {@code SET key <lease> NX PX} puts a placeholder in the
 *     key itself, and it reads the global invalidation sequence ({@code startSeq}) before loading.
 * <li>After loading, it adds the key to the set of each tag it depends on, then checks every tag's
 *     version: if a tag was invalidated with a number above the {@code asOf} of the part of the
 *     value that depends on it, that part may predate the write and nothing is stored.
 * <li>It stores with a compare-and-set on the placeholder (one key, so it is valid on a cluster).
 * </ol>
 *
 * A write first bumps the versions of its tags, then takes each tag's set whole and deletes the
 * keys it held (see {@link Invalidator}). Either the reader's version check comes after the bump
 * and refuses, or the reader's tag registration came before the sweep, which deletes the key and
 * with it the placeholder, so the compare-and-set fails or the stored value is removed. A
 * registration after the sweep stays in the set for the next write.
 */
final class EntryStore {
    private static final String COMPARE_AND_SET = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 20;

    private final RedisGuard redis;
    private final CacheKeys keys;
    private final EnvelopeCodec codec;
    private final Duration leaseTime;
    private final Duration leaseWait;
    private final Supplier<Duration> tagSetTtl;

    /** {@code leaseWait} bounds {@link #awaitHolder}; {@code tagSetTtl} is how long a tag's key set is kept. */
    public EntryStore(RedisGuard redis, CacheKeys keys, EnvelopeCodec codec, Duration leaseTime, Duration leaseWait,
                      Supplier<Duration> tagSetTtl) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.leaseTime = leaseTime;
        this.leaseWait = leaseWait;
        this.tagSetTtl = tagSetTtl;
    }

    /** What a read found. */
    public sealed interface Lookup {
        record Hit(Envelope envelope) implements Lookup {
        }

        record Absent() implements Lookup {
        }

        /** Another loader (here or on another instance) holds the lease. */
        record Leased() implements Lookup {
        }

        /** Undecodable bytes; the key was deleted. */
        record Corrupt() implements Lookup {
        }
    }

    /** A reader's right to fill one key: the placeholder it wrote (if it got one) and the sequence before loading. */
    public record Lease(byte[] placeholder, long startSeq, boolean held) {
    }

    /** A stored value the reader could not turn back into its type (a changed record, a bad write). */
    public static final class CorruptValueException extends RuntimeException {
        public CorruptValueException(String key, Throwable cause) {
            super("undecodable value at " + key, cause);
        }
    }

    public enum StoreResult { STORED, REFUSED_STALE, LEASE_LOST, NOT_LEASED }

    public Lookup read(String key) {
        byte[] stored = redis.run(connection -> connection.sync().get(key));
        if (stored == null) {
            return new Lookup.Absent();
        }
        if (EnvelopeCodec.isLease(stored)) {
            return new Lookup.Leased();
        }
        try {
            return new Lookup.Hit(codec.decode(stored));
        } catch (EnvelopeCodec.CorruptEntryException e) {
            discard(key);
            return new Lookup.Corrupt();
        }
    }

    /** Deletes an entry that could not be decoded; failing quietly is fine, the next read tries again. */
    public void discard(String key) {
        try {
            redis.run(connection -> connection.sync().del(key));
        } catch (CacheUnavailableException e) {
            // Left for its TTL or the next reader.
        }
    }

    public Lease lease(String key) {
        byte[] placeholder = codec.newLease();
        return redis.run(connection -> {
            RedisClusterAsyncCommands<String, byte[]> async = connection.async();
            RedisFuture<String> set = async.set(key, placeholder, SetArgs.Builder.nx().px(leaseTime.toMillis()));
            RedisFuture<byte[]> sequence = async.get(keys.sequence());
            boolean held = "OK".equals(Futures.await(set));
            return new Lease(placeholder, number(Futures.await(sequence)), held);
        });
    }

    /**
     * For a reader whose {@link #lease} was not held: another loader, on this instance or another sharing
     * the Redis, is filling the key, so the reader waits for that value instead of loading the same rows
     * again. Single flight collapses concurrent misses within one process; this collapses them across the
     * fleet. A value found here passed its loader's stale-set check like any stored value, so it is as
     * fresh as a hit. Empty once the lease is gone without a value (released after a failure, removed by
     * a write's sweep, expired), when Redis fails, or after the lease wait: the reader then loads itself.
     */
    public Optional<Envelope> awaitHolder(String key) {
        long deadline = System.nanoTime() + leaseWait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(pause);
                Lookup lookup = read(key);
                if (lookup instanceof Lookup.Hit hit) {
                    return Optional.of(hit.envelope());
                }
                if (!(lookup instanceof Lookup.Leased)) {
                    return Optional.empty();
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CacheUnavailableException e) {
            // Loaded from the database, as on any Redis failure.
        }
        return Optional.empty();
    }

    /** The current invalidation sequence. */
    public long sequence() {
        return redis.run(connection -> number(connection.sync().get(keys.sequence())));
    }

    public StoreResult store(String key, Lease lease, Envelope envelope, Duration ttl) {
        if (!lease.held()) {
            return StoreResult.NOT_LEASED;
        }
        byte[] encoded = codec.encode(envelope);
        return redis.run(connection -> {
            RedisClusterAsyncCommands<String, byte[]> async = connection.async();
            registerTags(async, key, envelope);
            if (anyTagNewerThan(async, envelope)) {
                release(async, key, lease);
                return StoreResult.REFUSED_STALE;
            }
            Long stored = Futures.await(async.eval(COMPARE_AND_SET, ScriptOutputType.INTEGER, new String[] {key},
                    lease.placeholder(), encoded, ascii(Long.toString(ttl.toMillis()))));
            return stored == 1 ? StoreResult.STORED : StoreResult.LEASE_LOST;
        });
    }

    /**
     * Gives the key back when the reader will not store (an error, a non-cacheable answer). Never
     * fails: if Redis cannot be reached the placeholder expires with the lease time.
     */
    public void release(String key, Lease lease) {
        if (!lease.held()) {
            return;
        }
        try {
            redis.run(connection -> {
                release(connection.async(), key, lease);
                return null;
            });
        } catch (CacheUnavailableException e) {
            // Expires by itself.
        }
    }

    private void release(RedisClusterAsyncCommands<String, byte[]> async, String key, Lease lease) {
        Futures.await(async.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, lease.placeholder()));
    }

    private void registerTags(RedisClusterAsyncCommands<String, byte[]> async, String key, Envelope envelope) {
        byte[] member = key.getBytes(StandardCharsets.UTF_8);
        List<RedisFuture<?>> pending = new ArrayList<>();
        for (String tag : envelope.tags().keySet()) {
            String set = keys.tagSet(tag);
            pending.add(async.sadd(set, member));
            pending.add(async.pexpire(set, tagSetTtl.get().toMillis()));
        }
        // All registrations must have happened before the version check below: that order is the proof.
        pending.forEach(Futures::await);
    }

    private boolean anyTagNewerThan(RedisClusterAsyncCommands<String, byte[]> async, Envelope envelope) {
        List<String> tags = List.copyOf(envelope.tags().keySet());
        List<RedisFuture<byte[]>> versions = tags.stream().map(tag -> async.get(keys.tagVersion(tag))).toList();
        boolean newer = false;
        for (int i = 0; i < tags.size(); i++) {
            newer |= number(Futures.await(versions.get(i))) > envelope.tags().get(tags.get(i));
        }
        return newer;
    }

    static long number(byte[] value) {
        return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }

    static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
