package dev.cachedeck.server.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.monitor.InstanceInfo;
import dev.cachedeck.model.monitor.InstanceList;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisNode;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * This instance's registration in the shared Redis, and the list of every live one. Each instance keeps
 * {@code <prefix>:instance:<id>} (its {@link InstanceInfo} as JSON) with a TTL and rewrites it every
 * {@code renew-every}, so a crashed instance drops out of the list when the TTL runs out and a stopped one at once.
 * It talks to Redis directly, not through the cache's breaker: a registration that fails is logged and tried again
 * at the next renewal, and never makes a request go to the database.
 */
public final class InstanceRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InstanceRegistry.class.getName());
    private static final int SCAN_COUNT = 100;

    private final RedisAccess redis;
    private final CacheKeys keys;
    private final InstanceIdentity identity;
    private final InstanceSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ScheduledExecutorService renewals =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("instance-registration").factory());
    private volatile boolean started;
    private volatile boolean registered;

    public InstanceRegistry(RedisAccess redis, CacheKeys keys, InstanceIdentity identity, InstanceSettings settings,
                            ObjectMapper mapper, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.identity = identity;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Registers now, then renews every {@code renew-every}; call once the identity is bound. */
    public void start() {
        started = true;
        renew();
        long period = settings.renewEvery().toMillis();
        renewals.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            redis.sync().set(keys.instance(identity.id()), json(self()),
                    SetArgs.Builder.px(settings.registrationTtl().toMillis()));
            if (!registered) {
                LOG.info(() -> "instance registered id=" + identity.id() + " url=" + identity.url()
                        + " ttl=" + settings.registrationTtl());
            }
            registered = true;
        } catch (RedisException e) {
            if (registered) {
                LOG.warning("instance registration not renewed id=" + identity.id() + " reason=" + e.getMessage());
            }
            registered = false;
        }
    }

    /**
     * Every live registration, read from every master; when Redis cannot be asked, this instance alone with
     * {@code partial} set.
     */
    public InstanceList list() {
        try {
            List<InstanceInfo> live = new ArrayList<>();
            ScanArgs args = ScanArgs.Builder.matches(keys.instances()).limit(SCAN_COUNT);
            for (RedisNode master : redis.masters()) {
                ScanCursor cursor = ScanCursor.INITIAL;
                do {
                    KeyScanCursor<String> page = master.sync().scan(cursor, args);
                    page.getKeys().forEach(key -> read(master, key, live));
                    cursor = page;
                } while (!cursor.isFinished());
            }
            live.sort(Comparator.comparing(InstanceInfo::id));
            return new InstanceList(identity.id(), false, live);
        } catch (RedisException e) {
            return new InstanceList(identity.id(), true, List.of(self()));
        }
    }

    /** A key that expired since the SCAN or holds no registration (someone else's key) is left out. */
    private void read(RedisNode master, String key, List<InstanceInfo> live) {
        byte[] value = master.sync().get(key);
        if (value == null) {
            return;
        }
        try {
            live.add(mapper.readValue(value, InstanceInfo.class));
        } catch (IOException e) {
            LOG.fine(() -> "not an instance registration key=" + key);
        }
    }

    private InstanceInfo self() {
        return new InstanceInfo(identity.id(), identity.url(), identity.startedAt(), clock.instant());
    }

    private byte[] json(InstanceInfo info) {
        try {
            return mapper.writeValueAsBytes(info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops renewing and removes the registration, so the others stop listing this instance at once. */
    @Override
    public void close() {
        renewals.shutdownNow();
        if (!started) {
            return;
        }
        try {
            renewals.awaitTermination(settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
            redis.sync().del(keys.instance(identity.id()));
            LOG.info(() -> "instance deregistered id=" + identity.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RedisException e) {
            LOG.warning("instance registration left to expire id=" + identity.id() + " reason=" + e.getMessage());
        }
    }
}
