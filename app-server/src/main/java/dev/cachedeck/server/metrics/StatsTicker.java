package dev.cachedeck.server.metrics;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import dev.cachedeck.server.cache.CacheCounters;
import dev.cachedeck.server.near.NearCache;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes one {@link StatsTick} at every second boundary: the deltas of that second from the cumulative counters,
 * the latency recorded in it, the Redis INFO figures last read, the markers recorded in it and the near tier's
 * figures. Runs on its own daemon thread from {@link #start} until {@link #close}. Redis INFO is read every second
 * on a second thread: a slow Redis (up to the command timeout on every master) must not delay a tick past the next
 * boundary, which would leave seconds out of the series.
 */
public final class StatsTicker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StatsTicker.class.getName());

    private final RequestStats requests;
    private final CacheCounters counters;
    private final NearCache near;
    private final RedisInfo redisInfo;
    private final MarkerLog markers;
    private final StatsSeries series;
    private final Clock clock;
    private final Thread thread;
    private final Thread redisReader;
    private final Totals previous = new Totals();
    private volatile RedisFigures latestRedis;

    public StatsTicker(RequestStats requests, CacheCounters counters, NearCache near, RedisInfo redisInfo,
                       MarkerLog markers, StatsSeries series, Clock clock) {
        this.requests = requests;
        this.counters = counters;
        this.near = near;
        this.redisInfo = redisInfo;
        this.markers = markers;
        this.series = series;
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("cachedeck-stats-ticker").unstarted(this::run);
        this.redisReader = Thread.ofPlatform().daemon().name("cachedeck-stats-redis").unstarted(this::readRedisEverySecond);
    }

    /** Cumulative figures at the end of the previous tick; only the ticker thread touches them. */
    private static final class Totals {
        long requests;
        long errors;
        long statements;
        long requestResets;
        long counterResets;
        final Map<Tier, TierStats> tiers = new EnumMap<>(Tier.class);
    }

    public void start() {
        thread.start();
        redisReader.start();
    }

    /** Redis figures of the last read, null when Redis could not be asked then. */
    public RedisFigures latestRedis() {
        return latestRedis;
    }

    private void run() {
        long nextBoundary = (clock.millis() / 1000 + 1) * 1000;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Math.max(0, nextBoundary - clock.millis()));
            } catch (InterruptedException e) {
                return;
            }
            try {
                series.append(tick(nextBoundary / 1000 - 1));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stats tick failed error=" + e, e);
            }
            // After a stall (a suspended laptop) carry on from now rather than replaying every missed second.
            nextBoundary = Math.max(nextBoundary + 1000, (clock.millis() / 1000 + 1) * 1000);
        }
    }

    /**
     * A reset since the last tick restarts the totals from zero: then everything counted since the reset is this
     * tick's, and what came earlier in the same second is not counted.
     */
    private StatsTick tick(long second) {
        long requestResets = requests.resets();
        long requestCount = requests.requests();
        long errorCount = requests.errors();
        long statementCount = requests.statements();
        if (requestResets != previous.requestResets) {
            previous.requests = 0;
            previous.errors = 0;
            previous.statements = 0;
            previous.requestResets = requestResets;
        }
        long newRequests = Math.max(0, requestCount - previous.requests);
        long newStatements = Math.max(0, statementCount - previous.statements);
        StatsTick tick = new StatsTick(second, newRequests, Math.max(0, errorCount - previous.errors), tierTicks(),
                requests.drainTickLatency(), newRequests == 0 ? 0 : (double) newStatements / newRequests,
                latestRedis, markers.drainBefore((second + 1) * 1000), near.figures());
        previous.requests = requestCount;
        previous.errors = errorCount;
        previous.statements = statementCount;
        return tick;
    }

    private Map<Tier, TierTick> tierTicks() {
        long counterResets = counters.resets();
        if (counterResets != previous.counterResets) {
            previous.tiers.clear();
            previous.counterResets = counterResets;
        }
        Map<Tier, TierTick> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            TierStats now = counters.total(tier);
            TierStats before = previous.tiers.getOrDefault(tier, TierStats.empty(tier, CacheCounters.TOTAL));
            TierStats second = now.minus(before);
            tiers.put(tier, new TierTick(second.hits(), second.misses(), second.errors(), second.puts()));
            previous.tiers.put(tier, now);
        }
        return tiers;
    }

    private void readRedisEverySecond() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                latestRedis = redisInfo.read().orElse(null);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "redis figures not read error=" + e, e);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        redisReader.interrupt();
        try {
            thread.join(2_000);
            redisReader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
