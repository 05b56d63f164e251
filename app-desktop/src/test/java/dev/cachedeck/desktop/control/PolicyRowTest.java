package dev.cachedeck.desktop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.TtlRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRowTest {
    @Test
    void pivotsRulesIntoOneRowPerDataTypeInServerOrder() {
        List<PolicyRow> rows = PolicyRow.of(List.of(
                new TtlRule(Tier.RESPONSE, "profile", 3_600_000),
                new TtlRule(Tier.RESPONSE, "job-list", 300_000),
                new TtlRule(Tier.QUERY, "profile", 3_600_000),
                new TtlRule(Tier.MODEL, "profile", 86_400_000)));

        assertEquals(List.of("profile", "job-list"), rows.stream().map(PolicyRow::dataType).toList());
        assertEquals("1 h", rows.get(0).ttlText(Tier.RESPONSE));
        assertEquals("1 d", rows.get(0).ttlText(Tier.MODEL));
        assertEquals("5 min", rows.get(1).ttlText(Tier.RESPONSE));
        assertEquals("—", rows.get(1).ttlText(Tier.MODEL));
        assertTrue(rows.get(1).rule(Tier.QUERY).isEmpty());
    }
}
