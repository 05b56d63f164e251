package dev.cachedeck.server;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.bench.Population;
import dev.cachedeck.server.admin.AdminGuard;
import dev.cachedeck.server.admin.AdminRoutes;
import dev.cachedeck.server.admin.CacheAdminRoutes;
import dev.cachedeck.server.admin.TtlPolicyRoutes;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.auth.ComputableTokens;
import dev.cachedeck.server.bench.BenchRoutes;
import dev.cachedeck.server.bench.LiveTraffic;
import dev.cachedeck.server.bench.PingRoutes;
import dev.cachedeck.server.bench.ScenarioControls;
import dev.cachedeck.server.bench.ScenarioRunner;
import dev.cachedeck.server.cache.CacheEngine;
import dev.cachedeck.server.catalog.CacheCatalog;
import dev.cachedeck.server.catalog.CachedRoute;
import dev.cachedeck.server.catalog.CachedRouteTable;
import dev.cachedeck.server.catalog.KeyParser;
import dev.cachedeck.server.docs.OpenApiRoutes;
import dev.cachedeck.server.health.HealthCheck;
import dev.cachedeck.server.health.HealthRoutes;
import dev.cachedeck.server.http.ConnectionClose;
import dev.cachedeck.server.http.HeadRequests;
import dev.cachedeck.server.http.HeaderDeadline;
import dev.cachedeck.server.http.HostCheck;
import dev.cachedeck.server.http.NoRouteHandler;
import dev.cachedeck.server.http.ProblemDirectHandler;
import dev.cachedeck.server.http.ProblemRenderer;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.http.RequestScopeFilter;
import dev.cachedeck.server.instance.InstanceHeader;
import dev.cachedeck.server.instance.InstanceRoutes;
import dev.cachedeck.server.job.JobRepository;
import dev.cachedeck.server.job.JobRoutes;
import dev.cachedeck.server.job.JobService;
import dev.cachedeck.server.keys.AdminRedis;
import dev.cachedeck.server.keys.KeyAdminRoutes;
import dev.cachedeck.server.keys.KeyBrowser;
import dev.cachedeck.server.keys.KeyRequests;
import dev.cachedeck.server.keys.NamespaceSurvey;
import dev.cachedeck.server.keys.Purger;
import dev.cachedeck.server.metrics.Instrumentation;
import dev.cachedeck.server.metrics.PrometheusExposition;
import dev.cachedeck.server.metrics.PrometheusRoutes;
import dev.cachedeck.server.metrics.RedisNodeRoutes;
import dev.cachedeck.server.metrics.RequestObserver;
import dev.cachedeck.server.metrics.StatsReport;
import dev.cachedeck.server.metrics.StatsRoutes;
import dev.cachedeck.server.payment.PaymentRepository;
import dev.cachedeck.server.payment.PaymentRoutes;
import dev.cachedeck.server.payment.PaymentService;
import dev.cachedeck.server.profile.ProfileRoutes;
import dev.cachedeck.server.profile.ProfileService;
import dev.cachedeck.server.profile.UserRepository;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.review.ReviewRepository;
import dev.cachedeck.server.review.ReviewRoutes;
import dev.cachedeck.server.review.ReviewService;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.StatementTally;
import dev.cachedeck.server.trace.TraceRoutes;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place the server is wired: {@link Infrastructure} opens what everything runs on, {@link #routing}
 * builds the features over it and registers their routes, and {@link #start} puts a web server in front.
 * Closing it stops everything in reverse order.
 */
public final class CacheDeckServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CacheDeckServer.class.getName());

    private final Infrastructure infrastructure;
    private final WebServer webServer;
    private final URI baseUri;

    private CacheDeckServer(Infrastructure infrastructure, WebServer webServer, String host) {
        this.infrastructure = infrastructure;
        this.webServer = webServer;
        this.baseUri = URI.create("http://" + (host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host)
                + ":" + webServer.port());
    }

    /** Starts everything and returns once the server accepts connections. */
    public static CacheDeckServer start(ServerSettings settings) {
        Infrastructure infrastructure = Infrastructure.open(settings);
        try {
            HttpRouting.Builder routing = HttpRouting.builder();
            routing(routing, infrastructure);
            HeaderDeadline headerDeadline = infrastructure.own(
                    new HeaderDeadline(settings.headerTimeout(), settings.headerCheckPeriod()));
            WebServer webServer = WebServer.builder()
                    .config(settings.server())
                    // The one HTTP/1 configuration: a discovered default beside it would make the server sniff each
                    // connection's first line to choose between them, and drop a malformed one without an answer.
                    .protocolsDiscoverServices(false)
                    .protocols(List.of(Http1Config.builder().addReceiveListener(headerDeadline).build()))
                    // Streamed (chunked) responses go out in several writes; with Nagle on, the last one
                    // waits for the client's delayed ACK, about 40 ms on Linux.
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .shutdownHook(false)
                    .mediaContext(media -> media.addMediaSupport(JacksonSupport.create(infrastructure.mapper())))
                    .directHandlers(new ProblemDirectHandler(infrastructure.mapper()).handlers())
                    .routing(routing)
                    .build()
                    .start();
            infrastructure.own(webServer::stop);
            infrastructure.identity().bind(settings.host(), webServer.port());
            infrastructure.registry().start();
            // Stats streams run until their series closes; close it first so the web server's stop does not wait.
            infrastructure.own(infrastructure.series()::close);
            CacheDeckServer server = new CacheDeckServer(infrastructure, webServer, settings.host());
            LOG.info(() -> "server started instance=" + infrastructure.identity().id() + " url=" + server.baseUri()
                    + " redis=" + (infrastructure.embeddedRedis().isPresent() ? "embedded" : "external"));
            return server;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /**
     * Builds the features over {@code infra} and registers them: the request scope first, then the response tier,
     * the API, the observe endpoints and, behind the one admin guard, the admin API. Resources the features hold
     * (the bench runner) close with {@code infra}.
     */
    public static void routing(HttpRouting.Builder routing, Infrastructure infra) {
        ServerSettings settings = infra.settings();
        CacheEngine cache = infra.cache();
        CacheCatalog caches = new CacheCatalog(cache, infra.scope());
        UserRepository users = new UserRepository(infra.jdbc());
        ComputableTokens.replace(infra.jdbc());
        Authenticator authenticator = new Authenticator(infra.adminToken(), users.userIdsByToken());
        RequestReader reader = new RequestReader(infra.mapper(), settings.apiLimits());

        ProfileService profiles = new ProfileService(users, caches, infra.clock());
        JobRepository jobRepository = new JobRepository(infra.jdbc());
        JobService jobs = new JobService(jobRepository, profiles, caches, infra.clock());
        ReviewService reviews = new ReviewService(new ReviewRepository(infra.jdbc()), profiles, jobs, caches,
                infra.clock(), settings.recentWindow());
        PaymentService payments = new PaymentService(new PaymentRepository(infra.jdbc()), profiles, jobs, caches,
                infra.clock());

        ScenarioControls benchControls = new ScenarioControls(cache, infra.dbDelay(), infra.redis(),
                infra.markers(), () -> new Population(settings.scale(),
                        settings.jdbcUrl().isPresent() ? "external" : "H2",
                        infra.embeddedRedis().isPresent() ? "embedded" : "external", users.ids(), users.clientIds(),
                        jobRepository.ids()));
        ScenarioRunner bench = infra.own(new ScenarioRunner(infra.adminToken(), settings.bench(), benchControls));
        LiveTraffic liveTraffic = infra.own(new LiveTraffic(infra.adminToken(), settings.bench(), benchControls));

        ProblemRenderer problems = new ProblemRenderer(infra.mapper());
        routing.addFilter(new ConnectionClose())
                .addFilter(new HostCheck(settings.host(), settings.allowedHosts(), problems))
                .addFilter(new InstanceHeader(infra.identity()))
                .addFilter(new RequestScopeFilter(infra.scope(), new RequestObserver(infra.requestStats(),
                        infra.traces(), infra.clock(), infra.identity()::id)))
                .addFilter(cache.responseTier(new CachedRouteTable(reader, authenticator)))
                // Every service through alongsideGet: each GET route answers HEAD as well.
                .register(ApiPaths.API, HeadRequests.alongsideGet(
                        new ProfileRoutes(profiles, reader, authenticator),
                        new JobRoutes(jobs, reader, authenticator),
                        new ReviewRoutes(reviews, reader, authenticator),
                        new PaymentRoutes(payments, reader, authenticator), new PingRoutes()))
                .register("/observe", HeadRequests.alongsideGet(
                        new HealthRoutes(new HealthCheck(infra.jdbc(), infra.redis())),
                        new OpenApiRoutes(), new PrometheusRoutes(new PrometheusExposition(cache.counters(),
                                infra.requestStats(), infra.statements(), infra.ticker(), infra.instrumentation(),
                                cache.near()))))
                // The guard comes first, so no admin service is reached without the admin token.
                .register(ApiPaths.ADMIN, HeadRequests.alongsideGet(new AdminGuard(authenticator),
                        new AdminRoutes(reader, users),
                        new CacheAdminRoutes(reader, cache, infra.markers()),
                        new StatsRoutes(reader, infra.mapper(), statsReport(infra), infra.series(),
                                infra.instrumentation(), infra.markers()),
                        new TraceRoutes(reader, infra.traces()),
                        new BenchRoutes(reader, bench, benchControls, liveTraffic),
                        new TtlPolicyRoutes(reader, cache.ttl()),
                        new RedisNodeRoutes(infra.redisInfo()),
                        new InstanceRoutes(infra.registry()),
                        keyAdminRoutes(infra, caches, reader)))
                .any(new NoRouteHandler());
        problems.register(routing);
    }

    private static StatsReport statsReport(Infrastructure infra) {
        return new StatsReport(infra.requestStats(), infra.cache().counters(), infra.ticker(), infra.series(),
                infra.markers(), infra.instrumentation(), infra.keyEvents()::observing, infra.clock(),
                infra.cache().near(), infra.identity()::id);
    }

    private static KeyAdminRoutes keyAdminRoutes(Infrastructure infra, CacheCatalog catalog, RequestReader reader) {
        ServerSettings settings = infra.settings();
        CacheEngine cache = infra.cache();
        AdminRedis adminRedis = new AdminRedis(infra.adminRedis(), cache.guard());
        KeyParser parser = new KeyParser(cache.keys(), CachedRoute.all());
        KeyBrowser browser = new KeyBrowser(adminRedis, cache.keys(), parser, cache.codec(), infra.mapper(),
                cache.ttl()::longestEver, settings.cache().leaseTime(), cache.near());
        return new KeyAdminRoutes(reader, new KeyRequests(cache.keys(), settings.keys(), settings.cache().prefix()),
                browser, new NamespaceSurvey(adminRedis, cache.keys(), parser, settings.keys()),
                new Purger(adminRedis, cache.keys(), parser, cache.invalidator(), settings.keys(), infra.clock(),
                        cache.near()),
                catalog, cache.invalidationLog(), infra.markers());
    }

    public int port() {
        return webServer.port();
    }

    /** Where clients reach the server; a wildcard bind address is reached through loopback. */
    public URI baseUri() {
        return baseUri;
    }

    public String adminToken() {
        return infrastructure.adminToken();
    }

    /** The embedded Redis process, when this server started one (tests stop it to simulate an outage). */
    public Optional<EmbeddedRedis> embeddedRedis() {
        return infrastructure.embeddedRedis();
    }

    public StatementTally statements() {
        return infrastructure.statements();
    }

    /** The application's database, counted like every other use (tests ask it for ground truth). */
    public Jdbc jdbc() {
        return infrastructure.jdbc();
    }

    /** The cache engine: toggles, counters, circuit state (tests and the benchmark read them). */
    public CacheEngine cache() {
        return infrastructure.cache();
    }

    /** The switch for latency histograms and traces (the overhead measurement flips it). */
    public Instrumentation instrumentation() {
        return infrastructure.instrumentation();
    }

    @Override
    public void close() {
        infrastructure.close();
        LOG.info("server stopped");
    }
}
