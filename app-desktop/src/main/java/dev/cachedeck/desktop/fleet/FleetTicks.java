package dev.cachedeck.desktop.fleet;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.NearFigures;
import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import dev.cachedeck.model.monitor.TimelineMarker;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fleet's seconds, made from its instances' seconds: counts are summed (requests, errors, each tier's hits,
 * misses, errors and puts, so hit rates are recomputed from the sums), statements per request are weighted by
 * requests, and latency percentiles are the slowest instance's (percentiles of different instances cannot be
 * added or averaged). A second is merged once, when every answering instance has reported it.
 */
final class FleetTicks {
    private long lastMerged = Long.MIN_VALUE;

    /**
     * The fleet seconds after the last ones merged, up to the newest second every answering instance has reached.
     * Each list is one instance's seconds, oldest first; an answering instance that reported nothing yet holds
     * nothing back, and the seconds a silent instance reported before it went quiet still count.
     */
    List<StatsTick> next(List<List<StatsTick>> answering, List<List<StatsTick>> silent) {
        List<List<StatsTick>> reporting = answering.stream().filter(ticks -> !ticks.isEmpty()).toList();
        if (reporting.isEmpty()) {
            return List.of();
        }
        long upTo = reporting.stream().mapToLong(ticks -> ticks.getLast().second()).min().orElseThrow();
        TreeMap<Long, List<StatsTick>> bySecond = new TreeMap<>();
        for (List<StatsTick> ticks : Stream.concat(reporting.stream(), silent.stream()).toList()) {
            for (StatsTick tick : ticks) {
                if (tick.second() > lastMerged && tick.second() <= upTo) {
                    bySecond.computeIfAbsent(tick.second(), second -> new ArrayList<>()).add(tick);
                }
            }
        }
        lastMerged = Math.max(lastMerged, upTo);
        return bySecond.values().stream().map(FleetTicks::sum).toList();
    }

    /** Several ticks as one, under the first one's second: one second of several instances, or a window. */
    static StatsTick sum(List<StatsTick> ticks) {
        long requests = 0;
        long errors = 0;
        double statements = 0;
        Map<Tier, TierTick> tiers = new EnumMap<>(Tier.class);
        List<TimelineMarker> markers = new ArrayList<>();
        for (StatsTick tick : ticks) {
            requests += tick.requests();
            errors += tick.errors();
            statements += tick.dbStatementsPerRequest() * tick.requests();
            tick.tiers().forEach((tier, figures) -> tiers.merge(tier, figures, FleetTicks::plus));
            if (tick.markers() != null) {
                tick.markers().stream().filter(marker -> !markers.contains(marker)).forEach(markers::add);
            }
        }
        // One Redis serves the fleet: every instance reports the same Redis-wide figures.
        RedisFigures redis = ticks.stream().map(StatsTick::redis).filter(Objects::nonNull).findFirst().orElse(null);
        return new StatsTick(ticks.getFirst().second(), requests, errors, tiers,
                SlowestLatency.of(ticks.stream().map(StatsTick::latency).toList()),
                requests == 0 ? 0 : statements / requests, redis, markers,
                ticks.stream().map(StatsTick::near).filter(Objects::nonNull).reduce(FleetTicks::plus).orElse(null));
    }

    /**
     * Two instances' near tiers as one: counts, entries, bytes and limits added up, filling only while both fill.
     * Each tick's counts run since its server started, so the sum's differences over a window are the fleet's.
     */
    private static NearFigures plus(NearFigures a, NearFigures b) {
        Map<String, Long> clears = new HashMap<>(a.clears());
        b.clears().forEach((cause, count) -> clears.merge(cause, count, Long::sum));
        return new NearFigures(a.filling() && b.filling(), a.pushedKeys() + b.pushedKeys(),
                a.invalidated() + b.invalidated(), clears, a.evicted() + b.evicted(), a.expired() + b.expired(),
                a.size() + b.size(), a.bytes() + b.bytes(), a.maxEntries() + b.maxEntries(),
                a.maxBytes() + b.maxBytes(), Math.max(a.localTtlMillis(), b.localTtlMillis()));
    }

    private static TierTick plus(TierTick a, TierTick b) {
        return new TierTick(a.hits() + b.hits(), a.misses() + b.misses(), a.errors() + b.errors(), a.puts() + b.puts());
    }
}
