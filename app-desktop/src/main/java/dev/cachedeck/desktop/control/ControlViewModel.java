package dev.cachedeck.desktop.control;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.NearFigures;
import java.time.Duration;
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
public final class ControlViewModel implements View {
    private final AdminApi admin;
    private final Tasks tasks;
    private final StatusLine status = new StatusLine();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cacheEnabled = new ReadOnlyBooleanWrapper(false);
    private final Map<Tier, ReadOnlyBooleanWrapper> tierEnabled = new EnumMap<>(Tier.class);
    private final ReadOnlyStringWrapper circuit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper near = new ReadOnlyStringWrapper("");
    private final ObservableList<TierTotalsRow> totals = FXCollections.observableArrayList();

    public ControlViewModel(AdminApi admin, Tasks tasks) {
        this.admin = admin;
        this.tasks = tasks;
        for (Tier tier : Tier.values()) {
            tierEnabled.put(tier, new ReadOnlyBooleanWrapper(false));
        }
    }

    @Override
    public void refresh() {
        call(admin::cacheStatus, "");
    }

    public void setCacheEnabled(boolean enabled) {
        call(() -> admin.setCacheEnabled(enabled),
                "Cache " + (enabled ? "switched on." : "switched off: every request goes to the database."));
    }

    public void setTierEnabled(Tier tier, boolean enabled) {
        call(() -> admin.setTierEnabled(tier, enabled),
                tier.displayName() + " tier " + (enabled ? "switched on." : "switched off."));
    }

    public void resetCounters() {
        call(admin::resetCounters, "Cache counters reset.");
    }

    /**
     * Clears the request statistics (latency, requests and DB statements per route) and, on the server, the
     * cache counters with them; the counters table is re-read so it shows the zeros.
     */
    public void resetStats() {
        call(() -> {
            admin.resetStats();
            return admin.cacheStatus();
        }, "Statistics reset: requests, latency, DB statements per route and the cache counters start from zero.");
    }

    private void call(Supplier<CacheStatus> request, String done) {
        tasks.run(request, answer -> {
            show(answer);
            status.done(done);
        }, status::problem);
    }

    private void show(CacheStatus answer) {
        loaded.set(true);
        cacheEnabled.set(answer.enabled());
        // A tier this desktop does not know (a newer server) has no switch to show.
        answer.tiers().forEach((name, on) -> Tier.fromWire(name).ifPresent(tier -> tierEnabled.get(tier).set(on)));
        circuit.set(circuitText(answer.circuit()));
        near.set(nearText(answer.near()));
        totals.setAll(rows(answer.counters()));
    }

    private static List<TierTotalsRow> rows(List<CacheStatus.TierCounters> counters) {
        return counters.stream().filter(row -> row.route().equals("*"))
                .flatMap(row -> Tier.fromWire(row.tier()).stream().map(tier -> new TierTotalsRow(tier, row.hits(),
                        row.misses(), percent(row.hits(), row.misses()), row.puts(), row.errors(),
                        row.invalidations(), row.bypasses())))
                .toList();
    }

    /** A tier never asked has no hit rate; "0 %" would claim it missed every time. */
    static String percent(long hits, long misses) {
        long lookups = hits + misses;
        return lookups == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * hits / lookups);
    }

    /** What this instance's near tier holds against its limits; each instance of a fleet has its own. */
    static String nearText(NearFigures near) {
        if (near == null) {
            return "This server has no near tier.";
        }
        return String.format(Locale.ROOT,
                "Near tier of this instance: %,d of %,d entries · %s of %s · local TTL %s · %s", near.size(),
                near.maxEntries(), Units.bytes(near.bytes()), Units.bytes(near.maxBytes()),
                localTtl(near.localTtlMillis()),
                near.filling() ? "filling" : "not filling (a tracking connection is down or the breaker is open)");
    }

    private static String localTtl(long millis) {
        Duration ttl = Duration.ofMillis(millis);
        return ttl.toSecondsPart() == 0 && ttl.toMinutes() > 0 ? ttl.toMinutes() + " min" : ttl.toSeconds() + " s";
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

    /** The near tier's size and limits as the server last answered. */
    public ReadOnlyStringProperty nearProperty() {
        return near.getReadOnlyProperty();
    }

    /** What the last action did, or why it failed. */
    public StatusLine status() {
        return status;
    }

    public ObservableList<TierTotalsRow> totals() {
        return totals;
    }
}
