package dev.cachedeck.server.cache;

import dev.cachedeck.server.EmbeddedCluster;
import dev.cachedeck.server.redis.Futures;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisNode;
import dev.cachedeck.server.redis.RedisTimeouts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * What the one sequence key costs a cluster: invalidations per second by concurrent writers, each taking the
 * steps of a review write (five tags), in one run on one cluster, the variants in turn: the global sequence as
 * the server does it ({@code INCR cd:seq}, then raise each version to it, then take each tag set); a per-tag
 * sequence instead ({@code INCR} of each version, then take each tag set); and the global sequence with each
 * tag's set and version in one slot by a hash tag, so one script raises the version and takes the set. Also prints how the commands spread over the
 * masters. A benchmark that prints figures, not a test:
 * {@code java -cp <test classpath> dev.cachedeck.server.cache.SequenceHotKeyBenchmark [REDIS_URL] [seconds] [writers]}
 * (without a URL it starts the embedded cluster).
 */
public final class SequenceHotKeyBenchmark {
    private static final int TAGS_PER_WRITE = 5;
    private static final int USERS = 10_000;
    // The Invalidator's version raise, then the tag set taken whole, in one step: possible only when both share a
    // slot (a hash tag).
    private static final String RAISE_AND_TAKE = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            end
            return redis.call('SPOP', KEYS[2], 1000000)
            """;

    private enum Variant { GLOBAL_SEQUENCE, PER_TAG_SEQUENCE, HASH_TAGGED_SET_AND_VERSION }

    private SequenceHotKeyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedCluster embedded = args.length > 0 && !args[0].isEmpty() ? null : EmbeddedCluster.start();
        String url = embedded == null ? args[0] : embedded.url();
        Duration round = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        RedisTimeouts timeouts = new RedisTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(2));
        try (RedisConnection redis = new RedisConnection(url, timeouts)) {
            System.out.println("cluster=" + redis.cluster() + " masters=" + redis.masters().size() + " writers=" + writers
                    + " round=" + round.toSeconds() + "s");
            System.out.println("cd:seq slot=" + SlotHash.getSlot("cd:seq"));
            for (int i = 0; i < 3; i++) {
                for (Variant variant : Variant.values()) {
                    report(variant, redis, run(redis, round, writers, variant));
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static long run(RedisConnection redis, Duration round, int writers, Variant variant) throws Exception {
        resetStats(redis);
        LongAdder writes = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < writers; w++) {
                threads.submit(() -> {
                    while (running.get()) {
                        write(redis.async(), variant);
                        writes.increment();
                    }
                    return null;
                });
            }
            Thread.sleep(round);
            running.set(false);
        }
        return writes.sum() / round.toSeconds();
    }

    private static void write(RedisClusterAsyncCommands<String, byte[]> async, Variant variant) {
        int user = ThreadLocalRandom.current().nextInt(USERS);
        List<String> tags = IntStream.range(0, TAGS_PER_WRITE).mapToObj(i -> "bench-" + i + ":" + (user + i)).toList();
        byte[] ttl = "60000".getBytes(StandardCharsets.US_ASCII);
        switch (variant) {
            case GLOBAL_SEQUENCE -> {
                byte[] sequence = next(async);
                tags.stream().map(tag -> async.<Long>eval(Invalidator.RAISE_VERSION, ScriptOutputType.INTEGER,
                        new String[] {"cd:v:" + tag}, sequence, ttl)).toList().forEach(Futures::await);
                tags.stream().map(tag -> async.spop("cd:t:" + tag, Long.MAX_VALUE)).toList().forEach(Futures::await);
            }
            case PER_TAG_SEQUENCE -> {
                tags.stream().map(tag -> async.incr("cd:v:" + tag)).toList().forEach(Futures::await);
                tags.stream().map(tag -> async.spop("cd:t:" + tag, Long.MAX_VALUE)).toList().forEach(Futures::await);
            }
            case HASH_TAGGED_SET_AND_VERSION -> {
                byte[] sequence = next(async);
                tags.stream().map(tag -> async.<List<Object>>eval(RAISE_AND_TAKE, ScriptOutputType.MULTI,
                        new String[] {"cd:{" + tag + "}:v", "cd:{" + tag + "}:t"}, sequence, ttl)).toList()
                        .forEach(Futures::await);
            }
        }
    }

    private static byte[] next(RedisClusterAsyncCommands<String, byte[]> async) {
        return Long.toString(Futures.await(async.incr("cd:seq"))).getBytes(StandardCharsets.US_ASCII);
    }

    private static void resetStats(RedisConnection redis) {
        redis.masters().forEach(master -> master.sync().configResetstat());
    }

    private static void report(Variant variant, RedisConnection redis, long writesPerSecond) {
        StringBuilder perMaster = new StringBuilder();
        for (RedisNode master : redis.masters()) {
            String stats = master.sync().info("stats");
            long commands = stats.lines().filter(line -> line.startsWith("total_commands_processed:"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).sum();
            // Slot ranges are contiguous, as redis-cli --cluster create and the embedded cluster assign them.
            String owner = master.firstSlot() <= SlotHash.getSlot("cd:seq")
                    && SlotHash.getSlot("cd:seq") < master.firstSlot() + master.slotCount() ? " (holds cd:seq)" : "";
            perMaster.append(" ").append(master.address()).append(owner).append("=").append(commands);
        }
        System.out.println(variant + ": " + writesPerSecond + " writes/s; commands per master:" + perMaster);
    }
}
