package dev.cachedeck.desktop.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.desktop.connection.ServerConnection;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.api.Problem;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.LiveTrafficStatus;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.model.keys.EntityInvalidation;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.KeyInfo;
import dev.cachedeck.model.keys.KeyPage;
import dev.cachedeck.model.keys.KeyTtlChange;
import dev.cachedeck.model.keys.NamespaceSummary;
import dev.cachedeck.model.keys.PurgePreview;
import dev.cachedeck.model.keys.PurgeProgress;
import dev.cachedeck.model.keys.PurgeRequest;
import dev.cachedeck.model.keys.PurgeResult;
import dev.cachedeck.model.keys.TtlPolicyTable;
import dev.cachedeck.model.keys.TtlRule;
import dev.cachedeck.model.keys.TtlUpdate;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.InstanceList;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.Toggle;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link AdminApi} over HTTP with the admin token: the one place that knows the admin paths ({@link ApiPaths}),
 * query strings and their encoding. Bodies go through the shared CacheDeck mapper. Every failure becomes an
 * {@link AdminProblem} whose message says what went wrong in words, never a stack trace.
 */
public final class AdminClient implements AdminApi {
    /**
     * The server removes keys at a bounded rate (10,000 a second by default), so a purge of a million keys takes
     * minutes; the call waits that long while the purge progress is polled and shown.
     */
    static final Duration PURGE_TIMEOUT = Duration.ofMinutes(30);
    /** A preview scans and sizes every selected key: 13.6 s for a million on the development machine. */
    static final Duration PREVIEW_TIMEOUT = Duration.ofMinutes(2);
    private static final TypeReference<List<InvalidationLogEntry>> LOG = new TypeReference<>() {
    };
    private static final TypeReference<List<RequestTrace>> TRACES = new TypeReference<>() {
    };

    private final Supplier<Optional<ServerConnection>> server;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    /** {@code server} is asked on every call, so calls made before the embedded server listens fail politely. */
    public AdminClient(Supplier<Optional<ServerConnection>> server, Duration timeout, ObjectMapper mapper) {
        this.server = server;
        this.timeout = timeout;
        this.mapper = mapper;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public CacheStatus cacheStatus() {
        return get(ApiPaths.ADMIN_CACHE, CacheStatus.class);
    }

    @Override
    public CacheStatus setCacheEnabled(boolean enabled) {
        return send(request(ApiPaths.ADMIN_CACHE).PUT(json(new Toggle(enabled))), type(CacheStatus.class));
    }

    @Override
    public CacheStatus setTierEnabled(Tier tier, boolean enabled) {
        return send(request(ApiPaths.ADMIN_CACHE_TIERS + "/" + tier.wireName()).PUT(json(new Toggle(enabled))),
                type(CacheStatus.class));
    }

    @Override
    public CacheStatus resetCounters() {
        return send(request(ApiPaths.ADMIN_CACHE_COUNTERS).DELETE(), type(CacheStatus.class));
    }

    @Override
    public void resetStats() {
        send(request(ApiPaths.ADMIN_STATS).DELETE(), type(Void.class));
    }

    @Override
    public TtlPolicyTable ttlPolicy() {
        return get(ApiPaths.ADMIN_CACHE_TTL, TtlPolicyTable.class);
    }

    @Override
    public TtlPolicyTable changeTtl(TtlRule rule) {
        return send(request(ApiPaths.ADMIN_CACHE_TTL).PUT(json(new TtlUpdate(List.of(rule)))),
                type(TtlPolicyTable.class));
    }

    @Override
    public InvalidationLogEntry invalidate(EntityInvalidation entity) {
        return send(request(ApiPaths.ADMIN_INVALIDATE).POST(json(entity)), type(InvalidationLogEntry.class));
    }

    @Override
    public List<InvalidationLogEntry> invalidations(int limit) {
        return send(request(ApiPaths.ADMIN_INVALIDATIONS + "?limit=" + limit).GET(), mapper.constructType(LOG));
    }

    @Override
    public StatsSnapshot stats(Instant since) {
        return get(ApiPaths.ADMIN_STATS + "?since=" + since.getEpochSecond(), StatsSnapshot.class);
    }

    @Override
    public List<RequestTrace> traces(TraceListing listing, int limit, Optional<String> route) {
        String path = (listing == TraceListing.RECENT ? ApiPaths.ADMIN_TRACES : ApiPaths.ADMIN_TRACES_SLOWEST)
                + "?limit=" + limit + route.map(name -> "&route=" + encode(name)).orElse("");
        return send(request(path).GET(), mapper.constructType(TRACES));
    }

    @Override
    public Stream<String> statsStream(Optional<String> lastEventId) throws IOException, InterruptedException {
        ServerConnection connection = connection();
        HttpRequest.Builder builder = HttpRequest.newBuilder(connection.baseUri().resolve(ApiPaths.ADMIN_STATS_STREAM))
                .header("Authorization", "Bearer " + connection.adminToken())
                .header("Accept", "text/event-stream");
        lastEventId.ifPresent(id -> builder.header("Last-Event-ID", id));
        HttpResponse<Stream<String>> response = http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw response.statusCode() == 404 ? AdminProblem.unavailable("GET " + ApiPaths.ADMIN_STATS_STREAM)
                    : new AdminProblem(response.statusCode(), "The stream answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public InstanceList instances() {
        return get(ApiPaths.ADMIN_INSTANCES, InstanceList.class);
    }

    @Override
    public NamespaceSummary keySummary() {
        return get(ApiPaths.ADMIN_KEYS_SUMMARY, NamespaceSummary.class);
    }

    @Override
    public KeyPage keys(KeyQuery query) {
        return get(ApiPaths.ADMIN_KEYS + "?pattern=" + encode(query.pattern())
                + query.tier().map(tier -> "&tier=" + tier.wireName()).orElse("")
                + "&cursor=" + encode(query.cursor()) + "&count=" + query.count(), KeyPage.class);
    }

    @Override
    public KeyDetail key(String key) {
        return get(keyPath(key), KeyDetail.class);
    }

    @Override
    public void deleteKey(String key) {
        send(request(keyPath(key)).DELETE(), type(Void.class));
    }

    @Override
    public KeyInfo changeKeyTtl(String key, long ttlMillis) {
        return send(request(keyPath(key) + "/ttl").PUT(json(new KeyTtlChange(ttlMillis))), type(KeyInfo.class));
    }

    @Override
    public PurgePreview previewPurge(PurgeRequest request) {
        return send(request(ApiPaths.ADMIN_PURGE_PREVIEW).POST(json(request)).timeout(PREVIEW_TIMEOUT),
                type(PurgePreview.class));
    }

    @Override
    public PurgeResult purge(PurgeRequest request) {
        return send(request(ApiPaths.ADMIN_PURGE).POST(json(request)).timeout(PURGE_TIMEOUT), type(PurgeResult.class));
    }

    @Override
    public PurgeProgress purgeProgress() {
        return get(ApiPaths.ADMIN_PURGE_PROGRESS, PurgeProgress.class);
    }

    @Override
    public BenchStatus benchStatus() {
        return get(ApiPaths.ADMIN_BENCH, BenchStatus.class);
    }

    @Override
    public BenchStatus startBench(ScenarioSpec spec) {
        return send(request(ApiPaths.ADMIN_BENCH).POST(json(spec)), type(BenchStatus.class));
    }

    @Override
    public BenchStatus stopBench() {
        return send(request(ApiPaths.ADMIN_BENCH).DELETE(), type(BenchStatus.class));
    }

    @Override
    public LiveTrafficStatus liveTraffic() {
        return get(ApiPaths.ADMIN_TRAFFIC, LiveTrafficStatus.class);
    }

    @Override
    public LiveTrafficStatus startLiveTraffic(LiveTrafficSpec spec) {
        return send(request(ApiPaths.ADMIN_TRAFFIC).PUT(json(spec)), type(LiveTrafficStatus.class));
    }

    @Override
    public LiveTrafficStatus stopLiveTraffic() {
        return send(request(ApiPaths.ADMIN_TRAFFIC).DELETE(), type(LiveTrafficStatus.class));
    }

    private static String keyPath(String key) {
        return ApiPaths.ADMIN_KEYS + "/" + encode(key);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T get(String path, Class<T> type) {
        return send(request(path).GET(), type(type));
    }

    private JavaType type(Class<?> type) {
        return mapper.constructType(type);
    }

    private ServerConnection connection() {
        return server.get().orElseThrow(() -> new AdminProblem(0, "The server is not connected yet."));
    }

    private HttpRequest.Builder request(String path) {
        ServerConnection connection = connection();
        return HttpRequest.newBuilder(connection.baseUri().resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + connection.adminToken())
                .header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new AdminProblem(0, "The request could not be written: " + e.getMessage());
        }
    }

    private <T> T send(HttpRequest.Builder builder, JavaType type) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new AdminProblem(0, "The server does not answer at " + request.uri().getAuthority() + ".");
        } catch (HttpTimeoutException e) {
            throw new AdminProblem(0, "The server did not answer within "
                    + request.timeout().orElse(timeout).toSeconds() + " s.");
        } catch (IOException e) {
            throw new AdminProblem(0, "The connection to the server failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminProblem(0, "The call was interrupted.");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 300) {
                throw failure(request, response.statusCode(), body.readAllBytes());
            }
            byte[] bytes = body.readAllBytes();
            if (type.getRawClass() == Void.class || bytes.length == 0) {
                return null;
            }
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new AdminProblem(response.statusCode(),
                    "The server's answer to " + request.method() + " " + request.uri().getPath()
                            + " could not be read: " + e.getMessage());
        }
    }

    private AdminProblem failure(HttpRequest request, int status, byte[] body) {
        String what = request.method() + " " + request.uri().getPath();
        if (status == 401 || status == 403) {
            return new AdminProblem(status, "The server refused the admin token (HTTP " + status + ").");
        }
        Optional<Problem> problem = problem(body);
        // The server's router answers "no resource at GET /path" (NoRouteHandler); a 404 about an entity
        // ("key ... does not exist") is an answer from a route that exists.
        boolean noRoute = status == 405 || status == 404 && problem.map(Problem::detail)
                .map(detail -> detail.startsWith("no resource at")).orElse(true);
        if (noRoute) {
            return AdminProblem.unavailable(what);
        }
        return new AdminProblem(status, problem.map(AdminClient::describe)
                .orElse("The server answered HTTP " + status + " to " + what + "."));
    }

    private Optional<Problem> problem(byte[] body) {
        try {
            return Optional.of(mapper.readValue(body, Problem.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Problem problem) {
        StringBuilder text = new StringBuilder(problem.detail() != null && !problem.detail().isBlank()
                ? problem.detail() : problem.title());
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            text.append(": ").append(problem.errors().stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        }
        return text.toString();
    }
}
