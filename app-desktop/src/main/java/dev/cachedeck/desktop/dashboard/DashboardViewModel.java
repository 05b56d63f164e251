package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.desktop.shell.Units;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.NearFigures;
import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import dev.cachedeck.model.monitor.TimelineMarker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The KPI tiles and the stream's state in words. Fed ticks in order on the FX thread (batched); figures
 * over a window are sums of the ticks inside the selected window, so a quiet second does not read as 0 %.
 */
public final class DashboardViewModel {
    /** The window choices of the selector, in seconds. */
    public static final List<Integer> WINDOWS = List.of(60, 300, 900);

    /** Markers drawn on the charts; the oldest go first so a long session does not pile them up. */
    static final int MAX_MARKERS = 40;

    private final Deque<StatsTick> kept = new ArrayDeque<>();
    private final ObservableList<TimelineMarker> markers = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> windowSeconds = new SimpleObjectProperty<>(300);
    private final ReadOnlyStringWrapper hitRate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper hitRateDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nearHitRate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper nearDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper p95 = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper p95Detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestsPerSecond = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper dbPerRequest = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper redisMemory = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper redisKeys = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper streamState = new ReadOnlyStringWrapper("Waiting for the server…");
    private final ReadOnlyStringWrapper p95Title = new ReadOnlyStringWrapper("Latency p95 (last second)");
    private final ReadOnlyStringWrapper nearTitle = new ReadOnlyStringWrapper("Near tier (this instance)");
    private final ReadOnlyLongWrapper newestSecond = new ReadOnlyLongWrapper(0);
    /** Set once the ticks are a fleet's: the single server's stream states no longer apply. */
    private boolean fleet;

    public DashboardViewModel() {
        windowSeconds.addListener((property, old, seconds) -> recompute());
    }

    /** Ticks in order; ones older than the longest window are dropped, so memory stays flat. */
    public void accept(List<StatsTick> ticks) {
        for (StatsTick tick : ticks) {
            if (!kept.isEmpty() && tick.second() <= kept.peekLast().second()) {
                continue;
            }
            kept.addLast(tick);
            markers.addAll(tick.markers() == null ? List.of() : tick.markers());
        }
        long newest = kept.isEmpty() ? 0 : kept.peekLast().second();
        while (!kept.isEmpty() && kept.peekFirst().second() <= newest - WINDOWS.getLast()) {
            kept.removeFirst();
        }
        long oldest = newest - WINDOWS.getLast();
        markers.removeIf(marker -> marker.at().getEpochSecond() <= oldest);
        if (markers.size() > MAX_MARKERS) {
            markers.remove(0, markers.size() - MAX_MARKERS);
        }
        recompute();
        newestSecond.set(newest);
    }

    /** The newest second received, or 0 before any; the charts' time axes end there. */
    public ReadOnlyLongProperty newestSecondProperty() {
        return newestSecond.getReadOnlyProperty();
    }

    /** Things that happened (toggles, purges, phases, outages) within the longest window. */
    public ObservableList<TimelineMarker> markers() {
        return markers;
    }

    /**
     * From now on the ticks are a fleet's merged seconds: what the single server's stream brought is dropped, and
     * the latency figures are named for what they are, the slowest instance's.
     */
    public void showFleet() {
        fleet = true;
        kept.clear();
        markers.clear();
        p95Title.set("Latency p95 (slowest instance, last second)");
        nearTitle.set("Near tiers (all instances, summed)");
        p95.set("—");
        p95Detail.set("");
    }

    /** The fleet's polling in words, in place of the live stream's state. */
    public void fleetStatus(String text) {
        streamState.set(text);
    }

    public void streamStatus(EventStream.Status status) {
        if (fleet) {
            return;
        }
        streamState.set(switch (status) {
            case CONNECTING -> "Connecting to the live stats stream…";
            case LIVE -> "Live: one point per second.";
            case RECONNECTING -> "Stats stream lost; reconnecting (missed seconds are replayed)…";
            case UNAVAILABLE -> "Live stats are not available on this server.";
        });
        if (status == EventStream.Status.RECONNECTING || status == EventStream.Status.UNAVAILABLE) {
            // These tiles say what is true now; the last tick received no longer does.
            p95.set("—");
            p95Detail.set("no live figures");
            nearDetail.set("no live figures");
            redisMemory.set("—");
            redisKeys.set("—");
        }
    }

    private void recompute() {
        List<StatsTick> window = inWindow();
        if (window.isEmpty()) {
            return;
        }
        StatsTick last = window.getLast();
        long hits = 0;
        long lookups = 0;
        long requests = 0;
        double statements = 0;
        for (StatsTick tick : window) {
            for (TierTick tier : tick.tiers().values()) {
                hits += tier.hits();
                lookups += tier.hits() + tier.misses();
            }
            requests += tick.requests();
            statements += tick.dbStatementsPerRequest() * tick.requests();
        }
        hitRate.set(lookups == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * hits / lookups));
        hitRateDetail.set(tierRates(window));
        OptionalDouble near = hitRate(window, Tier.NEAR);
        nearHitRate.set(near.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * near.getAsDouble()));
        nearDetail.set(nearText(before(window.getFirst()), window));
        p95.set(last.latency().count() == 0 ? "—" : Units.millis(last.latency().p95Micros()));
        p95Detail.set(last.latency().count() == 0 ? "no requests in the last second"
                : "p50 " + Units.millis(last.latency().p50Micros()) + " · p99 " + Units.millis(last.latency().p99Micros()));
        requestsPerSecond.set(String.format(Locale.ROOT, "%.1f", (double) requests / window.size()));
        dbPerRequest.set(requests == 0 ? "—" : String.format(Locale.ROOT, "%.2f", statements / requests));
        RedisFigures redis = last.redis();
        redisMemory.set(redis == null ? "—" : Units.bytes(redis.usedMemoryBytes()));
        redisKeys.set(redis == null ? "—" : String.format(Locale.ROOT, "%,d", redis.keys()));
    }

    private List<StatsTick> inWindow() {
        if (kept.isEmpty()) {
            return List.of();
        }
        long from = kept.peekLast().second() - windowSeconds.get();
        return kept.stream().filter(tick -> tick.second() > from).toList();
    }

    private static String tierRates(List<StatsTick> window) {
        StringBuilder text = new StringBuilder();
        for (Tier tier : Tier.values()) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            OptionalDouble rate = hitRate(window, tier);
            text.append(tier.keySegment()).append(' ')
                    .append(rate.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f %%", 100 * rate.getAsDouble()));
        }
        return text.toString();
    }

    /** One tier's hits / lookups over the window, empty when it was not asked. */
    private static OptionalDouble hitRate(List<StatsTick> window, Tier tier) {
        long hits = 0;
        long lookups = 0;
        for (StatsTick tick : window) {
            TierTick figures = tick.tiers().get(tier);
            if (figures != null) {
                hits += figures.hits();
                lookups += figures.hits() + figures.misses();
            }
        }
        return lookups == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / lookups);
    }

    /** The kept tick just before {@code first}, if any: where the window's counts start from. */
    private StatsTick before(StatsTick first) {
        StatsTick before = null;
        for (StatsTick tick : kept) {
            if (tick.second() >= first.second()) {
                break;
            }
            before = tick;
        }
        return before;
    }

    /**
     * What the near tier holds now against its limits, and what left it within the window: the ticks' figures are
     * counts since the server started, so the window's share is the newest minus the one before the window (or the
     * oldest in it, when none is kept).
     */
    private static String nearText(StatsTick beforeWindow, List<StatsTick> window) {
        List<NearFigures> figures = window.stream().map(StatsTick::near).filter(Objects::nonNull).toList();
        if (figures.isEmpty()) {
            return "no near tier on this server";
        }
        NearFigures first = beforeWindow != null && beforeWindow.near() != null ? beforeWindow.near()
                : figures.getFirst();
        NearFigures last = figures.getLast();
        Map<String, Long> clears = new TreeMap<>();
        last.clears().forEach((cause, count) -> {
            long inWindow = count - first.clears().getOrDefault(cause, 0L);
            if (inWindow > 0) {
                clears.put(cause, inWindow);
            }
        });
        String held = String.format(Locale.ROOT, "%s%,d %s · %s of %s", last.filling() ? "" : "not filling · ",
                last.size(), last.size() == 1 ? "entry" : "entries", Units.bytes(last.bytes()),
                Units.bytes(last.maxBytes()));
        String left = String.format(Locale.ROOT, "in the window: keys pushed %,d · invalidated %,d · evicted %,d",
                last.pushedKeys() - first.pushedKeys(), last.invalidated() - first.invalidated(),
                last.evicted() - first.evicted());
        if (!clears.isEmpty()) {
            left += " · cleared " + clears.entrySet().stream().map(clear -> clear.getKey() + " " + clear.getValue())
                    .collect(Collectors.joining(", "));
        }
        return held + "   ·   " + left;
    }

    /** The selected window in seconds (one of {@link #WINDOWS}); charts and tiles follow it. */
    public ObjectProperty<Integer> windowSecondsProperty() {
        return windowSeconds;
    }

    /** Hits / lookups over every tier in the window. */
    public ReadOnlyStringProperty hitRateProperty() {
        return hitRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hitRateDetailProperty() {
        return hitRateDetail.getReadOnlyProperty();
    }

    /** The near tier's hits / lookups over the window: the instance's in-process copies. */
    public ReadOnlyStringProperty nearHitRateProperty() {
        return nearHitRate.getReadOnlyProperty();
    }

    /**
     * Entries and bytes the near tier holds now, and within the window the keys Redis's pushes named, the entries
     * invalidated and evicted, and the whole-tier clears by cause.
     */
    public ReadOnlyStringProperty nearDetailProperty() {
        return nearDetail.getReadOnlyProperty();
    }

    /** p95 latency of the last second. */
    public ReadOnlyStringProperty p95Property() {
        return p95.getReadOnlyProperty();
    }

    /** Whose near tier the strip shows: each instance has its own, and a fleet's are added up. */
    public ReadOnlyStringProperty nearTitleProperty() {
        return nearTitle.getReadOnlyProperty();
    }

    /** The p95 tile's name: a fleet's p95 is its slowest instance's, never an average of percentiles. */
    public ReadOnlyStringProperty p95TitleProperty() {
        return p95Title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p95DetailProperty() {
        return p95Detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestsPerSecondProperty() {
        return requestsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dbPerRequestProperty() {
        return dbPerRequest.getReadOnlyProperty();
    }

    /** Redis-wide used memory of the last tick. */
    public ReadOnlyStringProperty redisMemoryProperty() {
        return redisMemory.getReadOnlyProperty();
    }

    /** Redis-wide key count of the last tick. */
    public ReadOnlyStringProperty redisKeysProperty() {
        return redisKeys.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty streamStateProperty() {
        return streamState.getReadOnlyProperty();
    }
}
