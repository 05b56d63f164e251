package dev.cachedeck.server.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.EntityInvalidation;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import dev.cachedeck.model.keys.PurgeRequest;
import dev.cachedeck.model.keys.PurgeResult;
import dev.cachedeck.server.cache.InvalidationLog;
import dev.cachedeck.server.catalog.CacheCatalog;
import dev.cachedeck.server.catalog.EntityType;
import dev.cachedeck.server.catalog.WriteEvent;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestNumbers;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.metrics.MarkerLog;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/keys}, {@code /admin/purge}, {@code /admin/invalidate} and {@code /admin/invalidations}:
 * the key browser, purges, manual invalidation and the invalidation log. Every parameter is checked by
 * {@link KeyRequests} before Redis sees it.
 */
public final class KeyAdminRoutes implements HttpService {
    private static final String TTL_SUFFIX = "/ttl";
    private static final int DEFAULT_LOG_LIMIT = 50;
    /** The route name manual invalidations are counted and logged under. */
    private static final String ADMIN_ROUTE = "admin";

    private final RequestReader reader;
    private final KeyRequests requests;
    private final KeyBrowser browser;
    private final NamespaceSurvey survey;
    private final Purger purger;
    private final CacheCatalog catalog;
    private final InvalidationLog log;
    private final MarkerLog markers;

    public KeyAdminRoutes(RequestReader reader, KeyRequests requests, KeyBrowser browser,
                          NamespaceSurvey survey, Purger purger, CacheCatalog catalog, InvalidationLog log,
                          MarkerLog markers) {
        this.reader = reader;
        this.requests = requests;
        this.browser = browser;
        this.survey = survey;
        this.purger = purger;
        this.catalog = catalog;
        this.log = log;
        this.markers = markers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/keys", (req, res) -> {
                    Optional<Tier> tier = reader.query(req, "tier").map(raw -> KeyRequests.tier("tier", raw));
                    String pattern = reader.query(req, "pattern").map(raw -> requests.pattern("pattern", raw))
                            .orElse(tier.map(t -> t.keySegment() + ":*").orElse("*"));
                    KeyCursor cursor = requests.cursor(reader.query(req, "cursor"));
                    int count = requests.count(reader.query(req, "count"));
                    res.send(browser.page(pattern, tier.orElse(null), cursor, count));
                })
                .get("/keys/summary", (req, res) -> {
                    res.send(survey.summarize());
                })
                .get("/keys/{+key}", (req, res) -> {
                    String key = key(req, false);
                    res.send(browser.detail(key).orElseThrow(() -> absent(key)));
                })
                .delete("/keys/{+key}", (req, res) -> {
                    String key = editableKey(req, false);
                    if (!browser.delete(key)) {
                        throw absent(key);
                    }
                    res.status(Status.NO_CONTENT_204).send();
                })
                .put("/keys/{+key}", (req, res) -> {
                    String key = editableKey(req, true);
                    Duration ttl = ttl(reader.body(req, JsonNode.class));
                    if (!browser.expire(key, ttl)) {
                        throw absent(key);
                    }
                    res.send(browser.describe(List.of(key)).getFirst());
                })
                .post("/purge/preview", (req, res) -> {
                    res.send(purger.preview(selection(reader.body(req, PurgeRequest.class))));
                })
                .post("/purge", (req, res) -> {
                    Purger.Selection selection = selection(reader.body(req, PurgeRequest.class));
                    PurgeResult result = purger.purge(selection);
                    markers.record(MarkerLog.PURGE, selection.describe() + " removed=" + result.removed());
                    res.send(result);
                })
                .get("/purge/progress", (req, res) -> {
                    res.send(purger.progress());
                })
                .post("/invalidate", (req, res) -> {
                    res.send(invalidate(reader.body(req, EntityInvalidation.class)));
                })
                .get("/invalidations", (req, res) -> {
                    res.send(log.recent(logLimit(reader.query(req, "limit"))));
                });
    }

    /**
     * The key from the raw path, decoded here rather than by the router: keys hold {@code /}, {@code ?}
     * and {@code #}, which a client percent-encodes, and the router's normalised path could change them.
     */
    private String key(ServerRequest req, boolean ttlSuffix) {
        String raw = req.path().absolute().rawPath();
        String start = ApiPaths.ADMIN_KEYS + "/";
        if (!raw.startsWith(start)) {
            throw KeyRequests.invalid("key", "must follow " + start);
        }
        String encoded = raw.substring(start.length());
        if (ttlSuffix) {
            if (!encoded.endsWith(TTL_SUFFIX)) {
                throw ApiProblem.noRoute(req.path().path());
            }
            encoded = encoded.substring(0, encoded.length() - TTL_SUFFIX.length());
        }
        try {
            // URLDecoder would read '+' as a space; in a path it is a plus.
            return requests.key(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw KeyRequests.invalid("key", "is not correctly percent-encoded");
        }
    }

    private String editableKey(ServerRequest req, boolean ttlSuffix) {
        String key = key(req, ttlSuffix);
        if (!browser.editable(key)) {
            throw KeyRequests.invalid("key", "only cache entries can be deleted or re-timed; tag sets, tag versions "
                    + "and the sequence keep invalidation correct and are managed by the cache");
        }
        return key;
    }

    private static ApiProblem absent(String key) {
        return ApiProblem.notFound("no key " + key);
    }

    /** {@code {"ttlMillis": n}}; persisting is refused because an entry must not outlive its tag sets. */
    private Duration ttl(JsonNode body) {
        JsonNode ttl = body.get("ttlMillis");
        long longest = browser.longestTtl().toMillis();
        if (ttl == null || body.size() != 1) {
            throw KeyRequests.invalid("ttlMillis", "is required and must be the only field");
        }
        if (ttl.isNull()) {
            throw KeyRequests.invalid("ttlMillis", "cannot be null: an entry without expiry would outlive the tag "
                    + "sets that let writes find it; give up to " + longest + " ms");
        }
        if (!ttl.canConvertToLong() || !ttl.isIntegralNumber() || ttl.asLong() < 1000 || ttl.asLong() > longest) {
            throw KeyRequests.invalid("ttlMillis", "must be an integer from 1000 to " + longest
                    + " (the longest TTL of the policy)");
        }
        return Duration.ofMillis(ttl.asLong());
    }

    private Purger.Selection selection(PurgeRequest request) {
        boolean entity = request.entityType() != null || request.entityId() != null;
        if (entity) {
            if (request.pattern() != null || request.tier() != null) {
                throw KeyRequests.invalid("entityType", "cannot be combined with pattern or tier: an entity purge "
                        + "covers every tier");
            }
            return new Purger.Selection(null, null, entityType("entityType", request.entityType()),
                    entityId("entityId", request.entityId()));
        }
        if (request.pattern() == null && request.tier() == null) {
            throw ApiProblem.badRequest("give a pattern, a tier, or an entityType with an entityId");
        }
        String pattern = request.pattern() != null
                ? requests.pattern("pattern", request.pattern())
                : request.tier().keySegment() + ":*";
        return new Purger.Selection(pattern, request.tier(), null, null);
    }

    private InvalidationLogEntry invalidate(EntityInvalidation request) {
        WriteEvent event = new WriteEvent.EntityInvalidated(entityType("entity", request.entity()),
                entityId("id", request.id()));
        InvalidationLogEntry entry = log.entry(event.cause(), ADMIN_ROUTE, catalog.invalidate(event, ADMIN_ROUTE));
        markers.record(MarkerLog.INVALIDATE, entry.cause());
        return entry;
    }

    private static EntityType entityType(String field, String raw) {
        return EntityType.fromWire(raw).orElseThrow(() -> KeyRequests.invalid(field, "must be user or job"));
    }

    private static long entityId(String field, Long raw) {
        if (raw == null || raw < 1) {
            throw KeyRequests.invalid(field, "must be a positive integer id");
        }
        return raw;
    }

    private int logLimit(Optional<String> raw) {
        if (raw.isEmpty()) {
            return Math.min(DEFAULT_LOG_LIMIT, log.capacity());
        }
        try {
            int limit = RequestNumbers.parseInt(raw.get());
            if (limit >= 1 && limit <= log.capacity()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw KeyRequests.invalid("limit", "must be an integer from 1 to " + log.capacity());
    }
}
