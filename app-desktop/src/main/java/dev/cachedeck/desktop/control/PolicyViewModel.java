package dev.cachedeck.desktop.control;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.EntityInvalidation;
import dev.cachedeck.model.keys.TtlPolicyTable;
import dev.cachedeck.model.keys.TtlRule;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Control tab's lower cards: TTL policy, invalidating one entity by hand, and the invalidation log. */
public final class PolicyViewModel implements View {
    /** The log is read newest first; fifty is what fits a glance and what the server sends by default. */
    static final int LOG_LIMIT = 50;

    private final AdminApi admin;
    private final Tasks tasks;
    private final ZoneId zone;
    private final ObservableList<PolicyRow> rules = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper policyNote = new ReadOnlyStringWrapper("");
    private final ObservableList<InvalidationRow> log = FXCollections.observableArrayList();
    private final StatusLine status = new StatusLine();

    public PolicyViewModel(AdminApi admin, Tasks tasks, ZoneId zone) {
        this.admin = admin;
        this.tasks = tasks;
        this.zone = zone;
    }

    @Override
    public void refresh() {
        tasks.run(admin::ttlPolicy, this::showPolicy, status::problem);
        refreshLog();
    }

    public void refreshLog() {
        tasks.run(() -> admin.invalidations(LOG_LIMIT),
                entries -> log.setAll(entries.stream().map(entry -> InvalidationRow.of(entry, zone)).toList()),
                status::problem);
    }

    /** A TTL typed into the policy table's {@code tier} cell; the server's validation (1 s to 7 days) answers in words. */
    public void changeTtl(PolicyRow row, Tier tier, String typed) {
        Optional<TtlRule> rule = row.rule(tier);
        Optional<Long> millis = TtlText.parse(typed);
        if (rule.isEmpty() || millis.isEmpty()) {
            status.fail(rule.isEmpty() ? tier.displayName() + " tier caches no " + row.dataType() + "."
                    : "\"" + typed + "\" is not a TTL: write a whole number with s, min, h or d, such as 90 s or 5 min.");
            showAgain();
            return;
        }
        TtlRule changed = new TtlRule(tier, row.dataType(), millis.get());
        tasks.run(() -> admin.changeTtl(changed),
                table -> {
                    showPolicy(table);
                    status.done(tier.displayName() + " " + row.dataType() + " TTL set to "
                            + TtlText.format(changed.ttlMillis()) + "; entries stored from now on use it.");
                }, problem -> {
                    showAgain();
                    status.problem(problem);
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
            status.fail("The " + entityType + " id must be a whole number.");
            return;
        }
        tasks.run(() -> admin.invalidate(new EntityInvalidation(entityType, id)), entry -> {
            status.done(InvalidationRow.sentence(entry));
            refreshLog();
        }, status::problem);
    }

    private void showPolicy(TtlPolicyTable table) {
        rules.setAll(PolicyRow.of(table.rules()));
        policyNote.set(String.format(Locale.ROOT,
                "Each TTL is shortened at random by up to %.0f %% so entries stored together do not expire together; "
                        + "empty results are kept at most %s.", table.jitter() * 100,
                TtlText.format(table.negativeTtlMillis())));
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

    public StatusLine status() {
        return status;
    }
}
