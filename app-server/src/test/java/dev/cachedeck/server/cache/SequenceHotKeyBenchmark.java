package dev.cachedeck.server.cache;

import dev.cachedeck.server.EmbeddedCluster;
import dev.cachedeck.server.redis.Futures;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisNode;
import dev.cachedeck.server.redis.RedisTimeouts;
import io.lettuce.core.RedisFuture;
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
 * steps of a review write (five tags), with the global sequence ({@code INCR cd:seq}, then raise each version
 * to it, then take each tag set) and with a per-tag sequence instead ({@code INCR} of each version, then take
 * each tag set), in one run on one cluster, alternating rounds. Also prints how the commands spread over the
 * masters. A benchmark that prints figures, not a test:
 * {@code java -cp <test classpath> dev.cachedeck.server.cache.SequenceHotKeyBenchmark [REDIS_URL] [seconds] [writers]}
 * (without a URL it starts the embedded cluster).
 */
public final class SequenceHotKeyBenchmark {
    private static final int TAGS_PER_WRITE = 5;
    private static final int USERS = 10_000;
    private static final String RAISE_VERSION = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

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
                report("global sequence", redis, run(redis, round, writers, true));
                report("per-tag sequence", redis, run(redis, round, writers, false));
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static long run(RedisConnection redis, Duration round, int writers, boolean global) throws Exception {
        resetStats(redis);
        LongAdder writes = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < writers; w++) {
                threads.submit(() -> {
                    while (running.get()) {
                        write(redis.async(), global);
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

    private static void write(RedisClusterAsyncCommands<String, byte[]> async, boolean global) {
        int user = ThreadLocalRandom.current().nextInt(USERS);
        List<String> tags = IntStream.range(0, TAGS_PER_WRITE).mapToObj(i -> "bench-" + i + ":" + (user + i)).toList();
        byte[] ttl = "60000".getBytes(StandardCharsets.US_ASCII);
        if (global) {
            byte[] sequence = Long.toString(Futures.await(async.incr("cd:seq"))).getBytes(StandardCharsets.US_ASCII);
            List<RedisFuture<Long>> raised = tags.stream().map(tag -> async.<Long>eval(RAISE_VERSION,
                    ScriptOutputType.INTEGER, new String[] {"cd:v:" + tag}, sequence, ttl)).toList();
            raised.forEach(Futures::await);
        } else {
            List<RedisFuture<Long>> raised = tags.stream().map(tag -> async.incr("cd:v:" + tag)).toList();
            raised.forEach(Futures::await);
        }
        tags.stream().map(tag -> async.spop("cd:t:" + tag, Long.MAX_VALUE)).toList().forEach(Futures::await);
    }

    private static void resetStats(RedisConnection redis) {
        redis.masters().forEach(master -> master.sync().configResetstat());
    }

    private static void report(String variant, RedisConnection redis, long writesPerSecond) {
        StringBuilder perMaster = new StringBuilder();
        for (RedisNode master : redis.masters()) {
            String stats = master.sync().info("stats");
            long commands = stats.lines().filter(line -> line.startsWith("total_commands_processed:"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).sum();
            String owner = master.firstSlot() <= SlotHash.getSlot("cd:seq")
                    && SlotHash.getSlot("cd:seq") < master.firstSlot() + master.slotCount() ? " (holds cd:seq)" : "";
            perMaster.append(" ").append(master.address()).append(owner).append("=").append(commands);
        }
        System.out.println(variant + ": " + writesPerSecond + " writes/s; commands per master:" + perMaster);
    }
}
