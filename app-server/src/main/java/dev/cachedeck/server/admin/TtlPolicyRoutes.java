package dev.cachedeck.server.admin;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.keys.TtlPolicyTable;
import dev.cachedeck.model.keys.TtlRule;
import dev.cachedeck.model.keys.TtlUpdate;
import dev.cachedeck.server.cache.DataType;
import dev.cachedeck.server.cache.LiveTtlPolicy;
import dev.cachedeck.server.cache.TtlPolicy;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /admin/cache/ttl}: the TTL policy table, read and changed at runtime; new entries use it. */
public final class TtlPolicyRoutes implements HttpService {
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(7);

    private record Change(Tier tier, DataType type, Duration ttl) {
    }

    private final RequestReader reader;
    private final LiveTtlPolicy policy;

    public TtlPolicyRoutes(RequestReader reader, LiveTtlPolicy policy) {
        this.reader = reader;
        this.policy = policy;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/cache/ttl", (req, res) -> {
                    res.send(table(policy.current()));
                })
                .put("/cache/ttl", (req, res) -> {
                    // Every rule is checked before any applies, so a bad request changes nothing.
                    changes(reader.body(req, TtlUpdate.class)).forEach(c -> policy.change(c.tier(), c.type(), c.ttl()));
                    res.send(table(policy.current()));
                });
    }

    private List<Change> changes(TtlUpdate update) {
        if (update.rules() == null || update.rules().isEmpty()) {
            throw ApiProblem.invalidFields(List.of(new FieldError("rules", "must list at least one rule")));
        }
        List<Change> changes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < update.rules().size(); i++) {
            TtlRule rule = update.rules().get(i);
            String field = "rules[" + i + "]";
            if (rule == null || rule.tier() == null) {
                errors.add(new FieldError(field + ".tier", "is required: RESPONSE, QUERY or MODEL"));
                continue;
            }
            Optional<DataType> type = DataType.fromConfigName(rule.dataType())
                    .filter(cached -> policy.current().table().getOrDefault(rule.tier(), Map.of()).containsKey(cached));
            if (type.isEmpty()) {
                errors.add(new FieldError(field + ".dataType", "must be a data type the " + rule.tier()
                        + " tier caches: " + typesOf(rule.tier())));
                continue;
            }
            if (rule.ttlMillis() < SHORTEST.toMillis() || rule.ttlMillis() > LONGEST.toMillis()) {
                errors.add(new FieldError(field + ".ttlMillis", "must be from " + SHORTEST.toMillis() + " to "
                        + LONGEST.toMillis() + " (1 s to 7 days)"));
                continue;
            }
            changes.add(new Change(rule.tier(), type.get(), Duration.ofMillis(rule.ttlMillis())));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return changes;
    }

    private List<String> typesOf(Tier tier) {
        return policy.current().table().getOrDefault(tier, Map.of()).keySet().stream()
                .sorted().map(DataType::configName).toList();
    }

    private static TtlPolicyTable table(TtlPolicy policy) {
        List<TtlRule> rules = new ArrayList<>();
        policy.table().forEach((tier, types) -> types.forEach((type, ttl) ->
                rules.add(new TtlRule(tier, type.configName(), ttl.toMillis()))));
        rules.sort(Comparator.comparing(TtlRule::tier).thenComparing(TtlRule::dataType));
        return new TtlPolicyTable(rules, policy.jitter(), policy.negative().toMillis());
    }
}
