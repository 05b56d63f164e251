package dev.cachedeck.desktop.control;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminProblem;
import dev.cachedeck.desktop.admin.AdminTasks;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.EntityInvalidation;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import dev.cachedeck.model.keys.TtlPolicyTable;
import dev.cachedeck.model.keys.TtlRule;
import dev.cachedeck.model.keys.TtlUpdate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Control tab's lower cards: TTL policy, invalidating one entity by hand, and the invalidation log. */
public final class PolicyViewModel {
    /** The log is read newest first; fifty is what fits a glance and what the server sends by default. */
    static final int LOG_LIMIT = 50;
    private static final TypeReference<List<InvalidationLogEntry>> LOG = new TypeReference<>() {
    };

    private final AdminClient admin;
    private final AdminTasks tasks;
    private final ZoneId zone;
    private final ObservableList<PolicyRow> rules = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper policyNote = new ReadOnlyStringWrapper("");
    private final ObservableList<InvalidationRow> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public PolicyViewModel(AdminClient admin, AdminTasks tasks, ZoneId zone) {
        this.admin = admin;
        this.tasks = tasks;
        this.zone = zone;
    }

    public void refresh() {
        tasks.run(() -> admin.get(ApiPaths.ADMIN_CACHE_TTL, TtlPolicyTable.class), this::showPolicy, this::problem);
        refreshLog();
    }

    public void refreshLog() {
        tasks.run(() -> admin.get(ApiPaths.ADMIN_INVALIDATIONS + "?limit=" + LOG_LIMIT, LOG),
                entries -> log.setAll(entries.stream().map(entry -> InvalidationRow.of(entry, zone)).toList()),
                this::problem);
    }

    /** A TTL typed into the policy table's {@code tier} cell; the server's validation (1 s to 7 days) answers in words. */
    public void changeTtl(PolicyRow row, Tier tier, String typed) {
        Optional<TtlRule> rule = row.rule(tier);
        Optional<Long> millis = TtlText.parse(typed);
        if (rule.isEmpty() || millis.isEmpty()) {
            fail(rule.isEmpty() ? tier.displayName() + " tier caches no " + row.dataType() + "."
                    : "\"" + typed + "\" is not a TTL: write a whole number with s, min, h or d, such as 90 s or 5 min.");
            showAgain();
            return;
        }
        TtlRule changed = new TtlRule(tier, row.dataType(), millis.get());
        tasks.run(() -> admin.put(ApiPaths.ADMIN_CACHE_TTL, new TtlUpdate(List.of(changed)), TtlPolicyTable.class),
                table -> {
                    showPolicy(table);
                    done(tier.displayName() + " " + row.dataType() + " TTL set to "
                            + TtlText.format(changed.ttlMillis()) + "; entries stored from now on use it.");
                }, problem -> {
                    showAgain();
                    problem(problem);
                });
    }

    /** A refused edit leaves the typed text in the cell unless the rows are shown again. */
    private void showAgain() {
        rules.setAll(List.copyOf(rules));
    }

    /** {@code entityType} "user" or "job"; {@code idText} as typed. */
    public void invalidate(String entityType, String idText) {
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText.strip());
        } catch (NumberFormatException e) {
            fail("The " + entityType + " id must be a whole number.");
            return;
        }
        tasks.run(() -> admin.post(ApiPaths.ADMIN_INVALIDATE, new EntityInvalidation(entityType, id),
                InvalidationLogEntry.class), entry -> {
                    done(InvalidationRow.sentence(entry));
                    refreshLog();
                }, this::problem);
    }

    private void showPolicy(TtlPolicyTable table) {
        rules.setAll(PolicyRow.of(table.rules()));
        policyNote.set(String.format(Locale.ROOT,
                "Each TTL is shortened at random by up to %.0f %% so entries stored together do not expire together; "
                        + "empty results are kept at most %s.", table.jitter() * 100,
                TtlText.format(table.negativeTtlMillis())));
    }

    private void done(String text) {
        failed.set(false);
        message.set(text);
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    private void problem(AdminProblem problem) {
        fail(problem.getMessage());
    }

    public ObservableList<PolicyRow> rules() {
        return rules;
    }

    public ReadOnlyStringProperty policyNoteProperty() {
        return policyNote.getReadOnlyProperty();
    }

    public ObservableList<InvalidationRow> log() {
        return log;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
