package dev.cachedeck.desktop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import dev.cachedeck.model.keys.TtlPolicyTable;
import dev.cachedeck.model.keys.TtlRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyViewModelTest {
    private final FakeAdminApi admin = new FakeAdminApi();
    private final PolicyViewModel model = new PolicyViewModel(admin, new CurrentThreadTasks(), ZoneOffset.UTC);

    private static final InvalidationLogEntry ENTRY = new InvalidationLogEntry(Instant.parse("2026-12-01T10:00:00Z"),
            "127.0.0.1:8080", "manual: user 3", null, List.of("user:3"), Map.of(Tier.RESPONSE, 2L, Tier.QUERY, 1L),
            850, true);

    private static TtlPolicyTable policy(long profileMillis) {
        return new TtlPolicyTable(List.of(new TtlRule(Tier.RESPONSE, "profile", profileMillis),
                new TtlRule(Tier.MODEL, "user", 3_600_000)), 0.1, 300_000);
    }

    @Test
    void refreshShowsThePolicyAndTheLogNewestFirst() {
        admin.ttlPolicy = policy(3_600_000);
        admin.invalidations = List.of(ENTRY);

        model.refresh();

        assertEquals(List.of("ttlPolicy", "invalidations 50"), admin.calls);
        assertEquals(List.of("profile", "user"), model.rules().stream().map(PolicyRow::dataType).toList());
        assertTrue(model.policyNoteProperty().get().contains("up to 10 %"), model.policyNoteProperty().get());
        assertEquals(1, model.log().size());
    }

    @Test
    void aTypedTtlReachesTheServerAndTheTableShowsItsAnswer() {
        admin.ttlPolicy = policy(3_600_000);
        model.refresh();
        admin.ttlPolicy = policy(7_200_000);

        model.changeTtl(model.rules().getFirst(), Tier.RESPONSE, "2 h");

        assertEquals("changeTtl RESPONSE profile 7200000", admin.calls.getLast());
        assertEquals("2 h", model.rules().getFirst().ttlText(Tier.RESPONSE));
        assertFalse(model.status().failedProperty().get());
    }

    @Test
    void aTtlThatIsNotOneIsAnsweredInWordsWithoutAsking() {
        admin.ttlPolicy = policy(3_600_000);
        model.refresh();
        int before = admin.calls.size();

        model.changeTtl(model.rules().getFirst(), Tier.RESPONSE, "soon");

        assertEquals(before, admin.calls.size());
        assertTrue(model.status().failedProperty().get());
        assertTrue(model.status().messageProperty().get().startsWith("\"soon\" is not a TTL"));
    }

    @Test
    void theServersRefusalIsShownAndTheCellGoesBack() {
        admin.ttlPolicy = policy(3_600_000);
        model.refresh();
        admin.failing = new AdminProblem(400, "ttl must be at most 7 days");

        model.changeTtl(model.rules().getFirst(), Tier.RESPONSE, "30 d");

        assertEquals("ttl must be at most 7 days", model.status().messageProperty().get());
        assertEquals("1 h", model.rules().getFirst().ttlText(Tier.RESPONSE));
    }

    @Test
    void invalidatingAnEntitySaysWhatWasRemovedAndReadsTheLogAgain() {
        admin.invalidation = ENTRY;
        admin.invalidations = List.of(ENTRY);

        model.invalidate("user", " 3 ");

        assertEquals(List.of("invalidate user 3", "invalidations 50"), admin.calls);
        assertEquals(InvalidationRow.sentence(ENTRY), model.status().messageProperty().get());
        assertEquals(1, model.log().size());
    }

    @Test
    void anIdThatIsNotANumberIsNotSent() {
        model.invalidate("job", "seven");

        assertTrue(admin.calls.isEmpty());
        assertEquals("The job id must be a whole number.", model.status().messageProperty().get());
    }
}
