package dev.cachedeck.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.sample.DatasetSpec;
import dev.cachedeck.server.admin.AdminRoutes;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.bench.BenchRoutes;
import dev.cachedeck.server.bench.Population;
import dev.cachedeck.server.bench.ScenarioControls;
import dev.cachedeck.server.bench.ScenarioRunner;
import dev.cachedeck.server.cache.CacheAdminRoutes;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.cache.CacheLayer;
import dev.cachedeck.server.cache.CachedRoute;
import dev.cachedeck.server.cache.Invalidator;
import dev.cachedeck.server.cache.KeyEventWatcher;
import dev.cachedeck.server.cache.KeyParser;
import dev.cachedeck.server.cache.TtlPolicyRoutes;
import dev.cachedeck.server.cache.ServiceCaches;
import dev.cachedeck.server.docs.OpenApiRoutes;
import dev.cachedeck.server.health.HealthCheck;
import dev.cachedeck.server.health.HealthRoutes;
import dev.cachedeck.server.http.NoRouteHandler;
import dev.cachedeck.server.http.ProblemDirectHandler;
import dev.cachedeck.server.http.ProblemRenderer;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.http.RequestTimingFilter;
import dev.cachedeck.server.job.JobRepository;
import dev.cachedeck.server.keys.AdminRedis;
import dev.cachedeck.server.keys.KeyAdminRoutes;
import dev.cachedeck.server.keys.KeyBrowser;
import dev.cachedeck.server.keys.KeyRequests;
import dev.cachedeck.server.keys.NamespaceSurvey;
import dev.cachedeck.server.keys.Purger;
import dev.cachedeck.server.metrics.Instrumentation;
import dev.cachedeck.server.metrics.MarkerLog;
import dev.cachedeck.server.metrics.PrometheusExposition;
import dev.cachedeck.server.metrics.PrometheusRoutes;
import dev.cachedeck.server.metrics.RedisInfo;
import dev.cachedeck.server.metrics.RequestObserver;
import dev.cachedeck.server.metrics.RequestStats;
import dev.cachedeck.server.metrics.StatsReport;
import dev.cachedeck.server.metrics.StatsRoutes;
import dev.cachedeck.server.metrics.StatsSeries;
import dev.cachedeck.server.metrics.StatsTicker;
import dev.cachedeck.server.job.JobRoutes;
import dev.cachedeck.server.job.JobService;
import dev.cachedeck.server.payment.PaymentRepository;
import dev.cachedeck.server.payment.PaymentRoutes;
import dev.cachedeck.server.payment.PaymentService;
import dev.cachedeck.server.profile.ProfileRoutes;
import dev.cachedeck.server.profile.ProfileService;
import dev.cachedeck.server.profile.UserRepository;
import dev.cachedeck.server.near.NearInvalidation;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.restart.CacheEpoch;
import dev.cachedeck.server.restart.RunMarker;
import dev.cachedeck.server.review.ReviewRepository;
import dev.cachedeck.server.review.ReviewRoutes;
import dev.cachedeck.server.review.ReviewService;
import dev.cachedeck.server.store.CountingDataSource;
import dev.cachedeck.server.store.Database;
import dev.cachedeck.server.store.DatabaseSettings;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.SimulatedDelay;
import dev.cachedeck.server.store.StatementTally;
import dev.cachedeck.server.trace.TraceBuffer;
import dev.cachedeck.server.trace.TraceRoutes;
import dev.cachedeck.server.trace.TraceScope;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place the server is wired: database, Redis, repositories, services and routes are built
 * here and passed in through constructors. Closing it stops everything in reverse order.
 */
public final class CacheDeckServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CacheDeckServer.class.getName());

    private final Deque<AutoCloseable> resources;
    private final WebServer webServer;
    private final String adminToken;
    private final Optional<EmbeddedRedis> embeddedRedis;
    private final StatementTally statements;
    private final Jdbc jdbc;
    private final URI baseUri;
    private final CacheLayer cache;
    private final Instrumentation instrumentation;

    private CacheDeckServer(Deque<AutoCloseable> resources, WebServer webServer, String host, String adminToken,
                            Optional<EmbeddedRedis> embeddedRedis, StatementTally statements, Jdbc jdbc,
                            CacheLayer cache, Instrumentation instrumentation) {
        this.resources = resources;
        this.instrumentation = instrumentation;
        this.cache = cache;
        this.jdbc = jdbc;
        this.baseUri = URI.create("http://" + (host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host)
                + ":" + webServer.port());
        this.webServer = webServer;
        this.adminToken = adminToken;
        this.embeddedRedis = embeddedRedis;
        this.statements = statements;
    }

    /** Starts everything and returns once the server accepts connections. */
    public static CacheDeckServer start(ServerSettings settings) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return start(settings, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static CacheDeckServer start(ServerSettings settings, Deque<AutoCloseable> resources) {
        ObjectMapper mapper = CacheDeckJson.newMapper();
        Clock clock = Clock.systemUTC();

        Instrumentation instrumentation = new Instrumentation(settings.metrics().instrumented());
        TraceScope traces = new TraceScope(instrumentation::enabled);
        MarkerLog markers = new MarkerLog(clock);

        // Pushed before the database, so the marker goes only after the database has closed cleanly.
        RunMarker run = settings.inMemory() && settings.jdbcUrl().isEmpty() ? RunMarker.none()
                : RunMarker.begin(settings.dataDir());
        resources.push(run);
        Database database = Database.open(databaseSettings(settings));
        resources.push(database);
        StatementTally statements = new StatementTally(traces);
        SimulatedDelay dbDelay = new SimulatedDelay(settings.simulatedDbDelay());
        Jdbc jdbc = new Jdbc(new CountingDataSource(database.dataSource(), statements, dbDelay));

        Optional<EmbeddedRedis> embeddedRedis = settings.redisUrl().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedRedis.start(settings.embeddedRedisMaxMemory()));
        embeddedRedis.ifPresent(resources::push);
        String redisUrl = settings.redisUrl().orElseGet(() -> embeddedRedis.orElseThrow().url());
        RedisConnection redis = new RedisConnection(redisUrl, settings.redisTimeouts());
        resources.push(redis);
        RedisConnection adminRedis = redis.sibling(settings.redisTimeouts().forAdmin());
        resources.push(adminRedis);
        CacheLayer cache = new CacheLayer(settings.cache(), redis.connection(), mapper, traces,
                change -> markers.record(MarkerLog.OUTAGE, change));
        resources.push(cache);
        NearInvalidation nearInvalidation = new NearInvalidation(cache.near(), cache.nearPrefixes(), redis::connectResp3,
                settings.redisTimeouts().reconnectInterval());
        nearInvalidation.track(List.of(RedisURI.create(redisUrl)));
        resources.push(nearInvalidation);
        CacheEpoch epoch = new CacheEpoch(cache.guard(), redis.connection(), cache.keys(),
                settings.redisTimeouts().reconnectInterval());
        resources.push(epoch);
        epoch.adopt(new Jdbc(database.dataSource()), run);
        KeyEventWatcher keyEvents = new KeyEventWatcher(redis::connectPubSub, redis.connection(), cache.keys(),
                cache.counters(), cache.guard(), settings.redisTimeouts().reconnectInterval());
        if (settings.cache().watchKeyEvents()) {
            redis.onConnected(keyEvents::reapplyConfig);
            keyEvents.start();
            resources.push(keyEvents);
        }

        RequestStats requestStats = new RequestStats(instrumentation);
        TraceBuffer traceBuffer = new TraceBuffer(settings.metrics().keptTraces());
        StatsSeries series = new StatsSeries(settings.metrics().seriesTicks());
        StatsTicker ticker = new StatsTicker(requestStats, cache.counters(), new RedisInfo(cache.guard()), markers,
                series, clock);
        ticker.start();
        resources.push(ticker);
        StatsReport statsReport = new StatsReport(requestStats, cache.counters(), ticker, series, markers,
                instrumentation, keyEvents::observing, clock, cache.near());
        ServiceCaches caches = cache.serviceCaches();

        UserRepository users = new UserRepository(jdbc);
        String adminToken = settings.adminToken().orElseGet(CacheDeckServer::generateToken);
        Authenticator authenticator = new Authenticator(adminToken, users.userIdsByToken());
        RequestReader reader = new RequestReader(mapper, settings.apiLimits());

        ProfileService profiles = new ProfileService(users, caches, clock);
        JobRepository jobRepository = new JobRepository(jdbc);
        JobService jobs = new JobService(jobRepository, profiles, caches, clock);
        ReviewService reviews = new ReviewService(new ReviewRepository(jdbc), profiles, jobs, caches, clock,
                settings.recentWindow());
        PaymentService payments = new PaymentService(new PaymentRepository(jdbc), profiles, jobs, caches, clock);

        ScenarioControls benchControls = new ScenarioControls(cache, dbDelay, redis.connection());
        ScenarioRunner bench = new ScenarioRunner(adminToken, settings.bench(), benchControls,
                () -> new Population(users.ids(), users.clientIds(), jobRepository.ids()),
                new ScenarioRunner.ServerFacts(settings.scale(), settings.jdbcUrl().isPresent() ? "external" : "H2",
                        embeddedRedis.isPresent() ? "embedded" : "external"), markers);
        resources.push(bench);

        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new RequestTimingFilter(statements,
                        new RequestObserver(traces, requestStats, traceBuffer, clock)))
                .addFilter(cache.responseFilter(reader, authenticator))
                .register(ApiPaths.API,
                        new ProfileRoutes(profiles, reader, authenticator),
                        new JobRoutes(jobs, reader, authenticator),
                        new ReviewRoutes(reviews, reader, authenticator),
                        new PaymentRoutes(payments, reader, authenticator))
                .register("/observe", new HealthRoutes(new HealthCheck(jdbc, redis)), new OpenApiRoutes(),
                        new PrometheusRoutes(new PrometheusExposition(cache.counters(), requestStats, statements, ticker,
                                instrumentation, cache.near())))
                .register(ApiPaths.ADMIN, new AdminRoutes(authenticator, reader, users),
                        new CacheAdminRoutes(authenticator, reader, cache, markers),
                        new StatsRoutes(authenticator, reader, mapper, statsReport, series, instrumentation, markers),
                        new TraceRoutes(authenticator, reader, traceBuffer),
                        new BenchRoutes(authenticator, reader, bench, benchControls),
                        new TtlPolicyRoutes(authenticator, reader, cache.ttl()),
                        keyAdminRoutes(settings, cache, new AdminRedis(adminRedis.connection(), cache.guard()), authenticator,
                        reader, mapper, clock, markers))
                .any(new NoRouteHandler());
        new ProblemRenderer(mapper).register(routing);

        WebServer webServer = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .maxPayloadSize(settings.maxPayloadBytes())
                // Streamed (chunked) responses go out in several writes; with Nagle on, the last one
                // waits for the client's delayed ACK, about 40 ms on Linux.
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                .shutdownGracePeriod(settings.shutdownGrace())
                .shutdownHook(false)
                .mediaContext(media -> media.addMediaSupport(JacksonSupport.create(mapper)))
                .directHandlers(new ProblemDirectHandler(mapper).handlers())
                .routing(routing)
                .build()
                .start();
        resources.push(webServer::stop);
        // Stats streams run until their series closes; close it first so the web server's stop does not wait for them.
        resources.push(series::close);
        CacheDeckServer server = new CacheDeckServer(resources, webServer, settings.host(), adminToken, embeddedRedis,
                statements, jdbc, cache, instrumentation);
        LOG.info(() -> "server started url=" + server.baseUri() + " redis="
                + (embeddedRedis.isPresent() ? "embedded" : "external"));
        return server;
    }

    private static KeyAdminRoutes keyAdminRoutes(ServerSettings settings, CacheLayer cache, AdminRedis adminRedis,
                                                 Authenticator authenticator, RequestReader reader, ObjectMapper mapper,
                                                 Clock clock, MarkerLog markers) {
        CacheKeys keys = cache.keys();
        KeyParser parser = new KeyParser(keys, CachedRoute.all());
        Invalidator invalidator = cache.serviceCaches().invalidator();
        KeyBrowser browser = new KeyBrowser(adminRedis, keys, parser, cache.codec(), mapper,
                cache.ttl()::longestEver, settings.cache().leaseTime(), cache.near());
        return new KeyAdminRoutes(authenticator, reader, new KeyRequests(keys, settings.keys(), settings.cache().prefix()),
                browser, new NamespaceSurvey(adminRedis, keys, parser, settings.keys()),
                new Purger(adminRedis, keys, parser, invalidator, settings.keys(), clock, cache.near()), invalidator,
                cache.invalidationLog(), markers);
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

    public int port() {
        return webServer.port();
    }

    /** Where clients reach the server; a wildcard bind address is reached through loopback. */
    public URI baseUri() {
        return baseUri;
    }

    public String adminToken() {
        return adminToken;
    }

    /** The embedded Redis process, when this server started one (tests stop it to simulate an outage). */
    public Optional<EmbeddedRedis> embeddedRedis() {
        return embeddedRedis;
    }

    public StatementTally statements() {
        return statements;
    }

    /** The application's database, counted like every other use (tests ask it for ground truth). */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The cache layer: toggles, counters, circuit state (tests and the benchmark read them). */
    public CacheLayer cache() {
        return cache;
    }

    /** The switch for latency histograms and traces (the overhead measurement flips it). */
    public Instrumentation instrumentation() {
        return instrumentation;
    }

    @Override
    public void close() {
        closeAll(resources);
        LOG.info("server stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warning("shutdown step failed error=" + e);
            }
        }
    }
}
