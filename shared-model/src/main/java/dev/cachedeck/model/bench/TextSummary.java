package dev.cachedeck.model.bench;

import dev.cachedeck.model.Tier;
import java.util.Locale;
import java.util.stream.Collectors;

/** The short plain-text summary the {@code bench} command prints: one block per phase, ratios, targets. */
public final class TextSummary {
    private TextSummary() {
    }

    public static String of(BenchReport report) {
        StringBuilder out = new StringBuilder();
        var env = report.environment();
        var spec = report.spec();
        out.append(format("CacheDeck bench: %d users, %d jobs (scale %.2f), DB delay %.1f ms per statement "
                        + "(simulated), %d req/s for %.0f s per phase (warm-up %.0f s), then %.0f s closed-loop "
                        + "capacity, concurrency %d, %d%% writes, Zipf %.2f, seed %d (same requests in every phase)%n",
                env.users(), env.jobs(), env.dataScale(), env.dbDelayMillis(), report.offeredRate(),
                spec.phaseSeconds(), spec.warmupSeconds(), spec.capacitySeconds(), spec.concurrency(),
                spec.writePercent(), spec.zipfSkew(), spec.seed()));
        out.append(format("%s, %d cores, %s, Redis %s; load generated in %s%n", env.jvm(), env.cores(), env.os(),
                env.redis(), env.generator()));
        out.append(format("started %s, finished %s%n", ReportHtml.timestamp(report.startedAt()),
                ReportHtml.timestamp(report.finishedAt())));
        if (report.calibration() != null) {
            out.append(format("rate %d req/s chosen by calibration: cache-off capacity probed at %.0f req/s over "
                    + "%.1f s, about half of it%n", report.calibration().chosenRate(),
                    report.calibration().offCapacity(), report.calibration().probeSeconds()));
        }
        if (report.ceiling() != null) {
            out.append(format("ceiling: %.0f req/s on GET /api/ping (same server and filters, no database, no cache, "
                    + "%d connections; generator %.1f us CPU per request)%n", report.ceiling().perSecond(),
                    report.ceiling().workers(), report.ceiling().generatorCpuMicros()));
        }
        out.append(System.lineSeparator());
        out.append(format("%-10s %9s %9s %8s %8s %8s %8s %8s %7s %7s %7s %7s %9s %7s %7s  %s%n", "phase", "req/s",
                "cap req/s", "cap/ceil", "p50 ms", "p95 ms", "p99 ms", "max ms", "hit", "api", "query", "model",
                "stmts/req", "errors", "dropped", "kept up"));
        for (PhaseResult phase : report.phases()) {
            out.append(format("%-10s %9.1f %9s %8s %8.2f %8.2f %8.2f %8.1f %7s %7s %7s %7s %9.3f %7d %7d  %s%s%n",
                    phase.phase().wireName(), phase.throughputPerSecond(), capacity(phase), ceilingShare(phase),
                    phase.latency().p50(), phase.latency().p95(), phase.latency().p99(), phase.latency().max(),
                    percent(phase.readHitRate()), tier(phase, Tier.RESPONSE), tier(phase, Tier.QUERY),
                    tier(phase, Tier.MODEL), phase.dbStatementsPerRequest(), phase.errors(), phase.dropped(),
                    phase.keptUp() ? "yes" : "SATURATED", phase.complete() ? "" : "  (stopped early)"));
        }
        out.append("req/s: open loop at the offered rate (latency columns); cap req/s: closed-loop capacity run "
                + "after the window, same phase state, the window's requests again (cold's runs after its window: the "
                + "cache is no longer empty); cap/ceil: capacity as a share of the ceiling")
                .append(System.lineSeparator());
        String generatorCpu = report.phases().stream().filter(phase -> phase.capacity() != null)
                .map(phase -> format("%s %.1f us", phase.phase().wireName(), phase.capacity().generatorCpuMicros()))
                .collect(Collectors.joining(", "));
        if (!generatorCpu.isEmpty()) {
            out.append("generator CPU per request in the capacity runs (its worker threads): ").append(generatorCpu)
                    .append(System.lineSeparator());
        }
        for (PhaseResult phase : report.phases()) {
            if (!phase.answeredBy().isEmpty()) {
                out.append(format("%s answered by: %s%n", phase.phase().wireName(), answeredBy(phase)));
            }
        }
        for (PhaseResult phase : report.phases()) {
            if (!phase.keptUp()) {
                out.append(format("%s SATURATED: it answered %.0f of the %.0f req/s offered and dropped %d; its "
                                + "latency is mostly waiting for a connection (queueing delay)%n",
                        phase.phase().wireName(), phase.achievedRate(), phase.offeredRate(), phase.dropped()));
            }
        }
        out.append(System.lineSeparator());
        for (PhaseRatio ratio : report.ratios()) {
            out.append(format("%s -> %s: p50 %.1fx lower, p99 %.1fx lower, throughput %.2fx (%s), "
                            + "stmts/req %.3f -> %.3f%s%n",
                    ratio.baseline().wireName(), ratio.compared().wireName(), ratio.p50Speedup(), ratio.p99Speedup(),
                    ratio.throughputGain(), ratio.throughputBasis().label(),
                    ratio.baselineDbStatementsPerRequest(), ratio.comparedDbStatementsPerRequest(),
                    ratio.queueing() ? " (latency ratios measure queueing delay, not the cache: a phase saturated)"
                            : ""));
        }
        for (TargetCheck target : report.targets()) {
            out.append(format("target %-42s %-8s measured %.3f  %s%n", target.name(), target.target(),
                    target.measured(), target.met() ? "MET" : "MISSED"));
        }
        return out.toString();
    }

    /** The spread of each figure over the runs of {@code bench --repeat N}. */
    public static String of(RepeatSummary summary) {
        StringBuilder out = new StringBuilder(format("%d runs: median and spread (min - max) of every ratio%n",
                summary.runs()));
        for (RatioSpread spread : summary.ratios()) {
            out.append(format("%-52s median %8.3f   spread %8.3f - %8.3f  (%d runs)%n", spread.name(),
                    spread.median(), spread.min(), spread.max(), spread.runs()));
        }
        return out.toString();
    }

    /** {@code 127.0.0.1:8081 5120 (50.1%), 127.0.0.1:8082 5100 (49.9%)}: answers per instance and their share. */
    private static String answeredBy(PhaseResult phase) {
        long total = phase.answeredBy().values().stream().mapToLong(Long::longValue).sum();
        return phase.answeredBy().entrySet().stream()
                .map(entry -> format("%s %d (%.1f%%)", entry.getKey(), entry.getValue(),
                        100.0 * entry.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    private static String ceilingShare(PhaseResult phase) {
        return phase.ceilingRatio() == null ? "-" : percent(phase.ceilingRatio());
    }

    private static String capacity(PhaseResult phase) {
        return phase.capacity() == null ? "-" : format("%.1f", phase.capacity().perSecond());
    }

    private static String tier(PhaseResult phase, Tier tier) {
        return phase.tiers().stream().filter(t -> t.tier() == tier).findFirst()
                .map(t -> t.hits() + t.misses() == 0 ? "-" : percent(t.hitRate())).orElse("-");
    }

    static String percent(double fraction) {
        return format("%.1f%%", fraction * 100);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static double hitRate(PhaseResult phase, Tier tier) {
        return phase.tiers().stream().filter(t -> t.tier() == tier).mapToDouble(TierHitRate::hitRate).findFirst()
                .orElse(0);
    }
}
