package dev.cachedeck.desktop.control;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.TtlRule;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One data type of the TTL policy with its rule per tier: the policy table reads data type × tier. */
public record PolicyRow(String dataType, Map<Tier, TtlRule> rules) {
    public PolicyRow {
        rules = Map.copyOf(rules);
    }

    /** Rows in the order the server lists the data types; a tier without a rule for a type has no cell value. */
    public static List<PolicyRow> of(List<TtlRule> rules) {
        Map<String, Map<Tier, TtlRule>> byType = new LinkedHashMap<>();
        for (TtlRule rule : rules) {
            byType.computeIfAbsent(rule.dataType(), type -> new EnumMap<>(Tier.class)).put(rule.tier(), rule);
        }
        return byType.entrySet().stream().map(entry -> new PolicyRow(entry.getKey(), entry.getValue())).toList();
    }

    public Optional<TtlRule> rule(Tier tier) {
        return Optional.ofNullable(rules.get(tier));
    }

    /** "30 min", or a dash where the tier caches nothing of this type (the model tier keeps no lists). */
    public String ttlText(Tier tier) {
        return rule(tier).map(rule -> TtlText.format(rule.ttlMillis())).orElse("—");
    }
}
