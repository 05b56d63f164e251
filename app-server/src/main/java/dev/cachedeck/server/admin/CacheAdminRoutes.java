package dev.cachedeck.server.admin;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.Toggle;
import dev.cachedeck.server.cache.CacheEngine;
import dev.cachedeck.server.cache.CacheToggles;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.metrics.MarkerLog;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/cache}: state and counters, the whole-cache switch, the per-tier switches, a flush of every entry. */
public final class CacheAdminRoutes implements HttpService {
    private final RequestReader reader;
    private final CacheEngine cache;
    private final MarkerLog markers;

    public CacheAdminRoutes(RequestReader reader, CacheEngine cache, MarkerLog markers) {
        this.reader = reader;
        this.cache = cache;
        this.markers = markers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/cache", (req, res) -> {
                    res.send(status());
                })
                .put("/cache", (req, res) -> {
                    boolean enabled = enabled(req);
                    cache.toggles().setCacheEnabled(enabled);
                    markers.record(MarkerLog.TOGGLE, "cache " + onOff(enabled));
                    res.send(status());
                })
                .put("/cache/tiers/{tier}", (req, res) -> {
                    Tier tier = tier(req.path().pathParameters().get("tier"));
                    boolean enabled = enabled(req);
                    cache.toggles().setTierEnabled(tier, enabled);
                    markers.record(MarkerLog.TOGGLE, tier.wireName() + " tier " + onOff(enabled));
                    res.send(status());
                })
                .delete("/cache/entries", (req, res) -> {
                    cache.guard().flushApplicationKeys();
                    res.send(status());
                })
                .delete("/cache/counters", (req, res) -> {
                    cache.counters().reset();
                    markers.record(MarkerLog.RESET, "cache counters reset");
                    res.send(status());
                });
    }

    private CacheStatus status() {
        CacheToggles toggles = cache.toggles();
        Map<String, Boolean> tiers = new LinkedHashMap<>();
        List<CacheStatus.TierCounters> counters = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            tiers.put(tier.wireName(), toggles.tierEnabled(tier));
            counters.add(CacheStatus.TierCounters.of(cache.counters().total(tier)));
        }
        cache.counters().snapshot().forEach(row -> counters.add(CacheStatus.TierCounters.of(row)));
        return new CacheStatus(toggles.cacheEnabled(), tiers, cache.guard().state().name(), counters,
                cache.near().figures());
    }

    private boolean enabled(ServerRequest req) {
        Toggle toggle = reader.body(req, Toggle.class);
        if (toggle.enabled() == null) {
            throw ApiProblem.invalidFields(List.of(new FieldError("enabled", "is required (true or false)")));
        }
        return toggle.enabled();
    }

    private static String onOff(boolean enabled) {
        return enabled ? "on" : "off";
    }

    private static Tier tier(String name) {
        return Tier.fromWire(name).orElseThrow(() ->
                ApiProblem.invalidFields(List.of(new FieldError("tier", "must be one of response, query, model"))));
    }
}
