package dev.cachedeck.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.sample.DatasetSpec;
import dev.cachedeck.server.cache.CacheEngine;
import dev.cachedeck.server.cache.KeyEventWatcher;
import dev.cachedeck.server.instance.InstanceIdentity;
import dev.cachedeck.server.instance.InstanceRegistry;
import dev.cachedeck.server.metrics.Instrumentation;
import dev.cachedeck.server.metrics.MarkerLog;
import dev.cachedeck.server.metrics.RedisInfo;
import dev.cachedeck.server.metrics.RequestStats;
import dev.cachedeck.server.metrics.StatsSeries;
import dev.cachedeck.server.metrics.StatsTicker;
import dev.cachedeck.server.near.NearInvalidation;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisNode;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.request.RequestScope;
import dev.cachedeck.server.restart.CacheEpoch;
import dev.cachedeck.server.restart.RunMarker;
import dev.cachedeck.server.store.CountingDataSource;
import dev.cachedeck.server.store.Database;
import dev.cachedeck.server.store.DatabaseSettings;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.SimulatedDelay;
import dev.cachedeck.server.store.StatementTally;
import dev.cachedeck.server.trace.TraceBuffer;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything the features run on, opened in one place: the database, Redis (embedded or external, plus the
 * key tools' own connection), the cache engine, the recorders (request scope, stats, traces, markers) and the
 * clock. Closing it closes everything in reverse order of opening, and so does a start that fails halfway.
 */
public final class Infrastructure implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Infrastructure.class.getName());

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ServerSettings settings;
    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final Clock clock = Clock.systemUTC();
    private final Instrumentation instrumentation;
    private final RequestScope scope;
    private final MarkerLog markers;
    private final String adminToken;
    private final InstanceIdentity identity;
    private Database database;
    private SimulatedDelay dbDelay;
    private StatementTally statements;
    private Jdbc jdbc;
    private Optional<EmbeddedRedis> embeddedRedis = Optional.empty();
    private RedisConnection redis;
    private RedisConnection adminRedis;
    private CacheEngine cache;
    private InstanceRegistry registry;
    private KeyEventWatcher keyEvents;
    private RedisInfo redisInfo;
    private RequestStats requestStats;
    private TraceBuffer traces;
    private StatsSeries series;
    private StatsTicker ticker;

    private Infrastructure(ServerSettings settings) {
        this.settings = settings;
        this.instrumentation = new Instrumentation(settings.metrics().instrumented());
        this.scope = new RequestScope(instrumentation::enabled);
        this.markers = new MarkerLog(clock);
        this.adminToken = settings.adminToken().orElseGet(Infrastructure::generateToken);
        this.identity = new InstanceIdentity(settings.instance(), clock.instant());
    }

    /** Opens everything; when a part fails to open, the parts already open are closed before the error is thrown. */
    public static Infrastructure open(ServerSettings settings) {
        Infrastructure infrastructure = new Infrastructure(settings);
        try {
            infrastructure.openAll();
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private void openAll() {
        // Owned before the database, so the marker goes only after the database has closed cleanly.
        RunMarker run = own(settings.inMemory() && settings.jdbcUrl().isEmpty() ? RunMarker.none()
                : RunMarker.begin(settings.dataDir()));
        database = own(Database.open(databaseSettings(settings)));
        statements = new StatementTally(scope);
        dbDelay = new SimulatedDelay(settings.simulatedDbDelay());
        jdbc = new Jdbc(new CountingDataSource(database.dataSource(), statements, dbDelay));

        if (settings.redisUrl().isEmpty()) {
            embeddedRedis = Optional.of(own(EmbeddedRedis.start(settings.embeddedRedisMaxMemory())));
        }
        String redisUrl = settings.redisUrl().orElseGet(() -> embeddedRedis.orElseThrow().url());
        redis = own(new RedisConnection(redisUrl, settings.redisTimeouts()));
        adminRedis = own(redis.sibling(settings.redisTimeouts().forAdmin()));
        cache = own(new CacheEngine(settings.cache(), redis, mapper, scope,
                change -> markers.record(MarkerLog.OUTAGE, change), identity::id));
        // A failover or a server that came back may lack invalidations it had acknowledged: an outage for the cache.
        redis.onChange(change -> {
            if (change.mayHaveLostWrites()) {
                cache.guard().invalidationLost(change.detail());
            }
        });
        trackNearInvalidations();
        registry = own(new InstanceRegistry(redis, cache.keys(), identity, settings.instance(), mapper, clock));
        CacheEpoch epoch = own(new CacheEpoch(cache.guard(), redis, cache.keys(),
                settings.redisTimeouts().reconnectInterval()));
        epoch.adopt(new Jdbc(database.dataSource()), run);
        keyEvents = new KeyEventWatcher(redis, cache.keys(), cache.counters(), cache.guard(),
                settings.redisTimeouts().reconnectInterval());
        if (settings.cache().watchKeyEvents()) {
            keyEvents.start();
            own(keyEvents);
        }

        requestStats = new RequestStats();
        traces = new TraceBuffer(settings.metrics().keptTraces());
        series = new StatsSeries(settings.metrics().seriesTicks());
        redisInfo = new RedisInfo(cache.guard());
        ticker = new StatsTicker(requestStats, cache.counters(), cache.near(), redisInfo, markers, series, clock);
        ticker.start();
        own(ticker);
    }

    /**
     * One tracking connection per master for the near tier, re-established from the masters on every topology
     * change (a master set that changed empties the near tier first). Redis not reached yet: the first
     * connection is a topology change too.
     */
    private void trackNearInvalidations() {
        NearInvalidation tracking = own(new NearInvalidation(cache.near(), cache.nearPrefixes(), redis::connectResp3,
                settings.redisTimeouts().reconnectInterval()));
        redis.onChange(change -> tracking.track(masterUris()));
        try {
            tracking.track(masterUris());
        } catch (RedisConnectionException e) {
            LOG.fine("near tracking waits for redis to be reached");
        }
    }

    private List<RedisURI> masterUris() {
        return redis.masters().stream().map(RedisNode::uri).toList();
    }

    /** Closes {@code resource} with this infrastructure, before everything owned earlier. */
    public <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    private static DatabaseSettings databaseSettings(ServerSettings settings) {
        String url = settings.jdbcUrl().orElseGet(() -> settings.inMemory()
                ? Database.h2MemoryUrl()
                : Database.h2FileUrl(settings.dataDir()));
        return new DatabaseSettings(url, settings.jdbcUser(), settings.jdbcPassword(), settings.jdbcPoolSize(),
                DatasetSpec.of(settings.seed(), settings.scale()));
    }

    private static String generateToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public ServerSettings settings() {
        return settings;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Clock clock() {
        return clock;
    }

    /** The switch for latency histograms and traces (the overhead measurement flips it). */
    public Instrumentation instrumentation() {
        return instrumentation;
    }

    /** This instance's id and URL, settled once the web server has bound its port. */
    public InstanceIdentity identity() {
        return identity;
    }

    /** This instance's registration in the shared Redis; started once the identity is bound. */
    public InstanceRegistry registry() {
        return registry;
    }

    public RequestScope scope() {
        return scope;
    }

    public MarkerLog markers() {
        return markers;
    }

    /** The configured admin token, or the one generated at start when none was configured. */
    public String adminToken() {
        return adminToken;
    }

    public StatementTally statements() {
        return statements;
    }

    public SimulatedDelay dbDelay() {
        return dbDelay;
    }

    /** The application's database, counted like every other use (tests ask it for ground truth). */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The embedded Redis process, when this server started one (tests stop it to simulate an outage). */
    public Optional<EmbeddedRedis> embeddedRedis() {
        return embeddedRedis;
    }

    public RedisConnection redis() {
        return redis;
    }

    /** The key tools' own connection, with the longer admin command timeout. */
    public RedisConnection adminRedis() {
        return adminRedis;
    }

    public CacheEngine cache() {
        return cache;
    }

    public KeyEventWatcher keyEvents() {
        return keyEvents;
    }

    /** Redis-wide INFO figures, summed over the masters of a cluster and per master. */
    public RedisInfo redisInfo() {
        return redisInfo;
    }

    public RequestStats requestStats() {
        return requestStats;
    }

    public TraceBuffer traces() {
        return traces;
    }

    public StatsSeries series() {
        return series;
    }

    public StatsTicker ticker() {
        return ticker;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warning("shutdown step failed error=" + e);
            }
        }
    }
}
