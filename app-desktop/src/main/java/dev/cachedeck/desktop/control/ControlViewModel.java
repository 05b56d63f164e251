package dev.cachedeck.desktop.control;

import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminProblem;
import dev.cachedeck.desktop.admin.AdminTasks;
import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.Toggle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cache switches and counters of {@code /admin/cache}: what the Control view shows and the actions
 * behind its buttons. Every action re-reads the state the server answers with, so the switches always
 * show what the server does, not what was clicked.
 */
public final class ControlViewModel {
    private static final String CACHE = ApiPaths.ADMIN + "/cache";

    private final AdminClient admin;
    private final AdminTasks tasks;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cacheEnabled = new ReadOnlyBooleanWrapper(false);
    private final Map<Tier, ReadOnlyBooleanWrapper> tierEnabled = new EnumMap<>(Tier.class);
    private final ReadOnlyStringWrapper circuit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<TierTotalsRow> totals = FXCollections.observableArrayList();

    public ControlViewModel(AdminClient admin, AdminTasks tasks) {
        this.admin = admin;
        this.tasks = tasks;
        for (Tier tier : Tier.values()) {
            tierEnabled.put(tier, new ReadOnlyBooleanWrapper(false));
        }
    }

    public void refresh() {
        call(() -> admin.get(CACHE, CacheStatus.class), null);
    }

    public void setCacheEnabled(boolean enabled) {
        call(() -> admin.put(CACHE, new Toggle(enabled), CacheStatus.class),
                "Cache " + (enabled ? "switched on." : "switched off: every request goes to the database."));
    }

    public void setTierEnabled(Tier tier, boolean enabled) {
        call(() -> admin.put(CACHE + "/tiers/" + TierStyle.wireName(tier), new Toggle(enabled), CacheStatus.class),
                tier.displayName() + " tier " + (enabled ? "switched on." : "switched off."));
    }

    public void resetCounters() {
        call(() -> admin.delete(CACHE + "/counters", CacheStatus.class), "Cache counters reset.");
    }

    private void call(Supplier<CacheStatus> request, String done) {
        tasks.run(request, status -> {
            show(status);
            failed.set(false);
            message.set(done == null ? "" : done);
        }, this::problem);
    }

    private void problem(AdminProblem problem) {
        failed.set(true);
        message.set(problem.getMessage());
    }

    private void show(CacheStatus status) {
        loaded.set(true);
        cacheEnabled.set(status.enabled());
        status.tiers().forEach((name, on) -> tierEnabled.get(TierStyle.fromWire(name)).set(on));
        circuit.set(circuitText(status.circuit()));
        totals.setAll(rows(status.counters()));
    }

    private static List<TierTotalsRow> rows(List<CacheStatus.TierCounters> counters) {
        return counters.stream().filter(row -> row.route().equals("*"))
                .map(row -> new TierTotalsRow(TierStyle.fromWire(row.tier()), row.hits(), row.misses(),
                        percent(row.hits(), row.misses()), row.puts(), row.errors(), row.invalidations(),
                        row.bypasses()))
                .toList();
    }

    /** A tier never asked has no hit rate; "0 %" would claim it missed every time. */
    static String percent(long hits, long misses) {
        long lookups = hits + misses;
        return lookups == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * hits / lookups);
    }

    private static String circuitText(String circuit) {
        return switch (circuit) {
            case "CLOSED" -> "Redis circuit CLOSED: the cache is used.";
            case "OPEN" -> "Redis circuit OPEN: Redis failed, requests skip the cache until a probe succeeds.";
            case "RECOVERING" -> "Redis circuit RECOVERING: Redis answers again; the cache is flushed before reuse.";
            default -> "Redis circuit " + circuit + ".";
        };
    }

    /** False until the first answer: the switches mean nothing before it. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cacheEnabledProperty() {
        return cacheEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tierEnabledProperty(Tier tier) {
        return tierEnabled.get(tier).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty circuitProperty() {
        return circuit.getReadOnlyProperty();
    }

    /** What the last action did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ObservableList<TierTotalsRow> totals() {
        return totals;
    }
}
