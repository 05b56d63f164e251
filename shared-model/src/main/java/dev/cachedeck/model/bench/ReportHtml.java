package dev.cachedeck.model.bench;

import dev.cachedeck.model.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page of a report: inline CSS and SVG (bar charts, latency over time, percentile
 * distributions, throughput over time), no script, nothing fetched, so it can be mailed or opened offline.
 * Phase colours match the desktop's (off red, cold amber, warm green, Redis down grey).
 */
public final class ReportHtml {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] TIER_COLOURS = {"#7c3aed", "#0e86a8", "#e0661b"};
    private static final String[] PERCENTILE_COLOURS = {"#4e79a7", "#edc948", "#e15759"};
    private static final int CHART_WIDTH = 640;
    private static final int LABEL_WIDTH = 110;
    private static final int BAR_HEIGHT = 14;
    private static final int PLOT_WIDTH = 900;
    private static final double[] PERCENTILE_TICKS = {50, 90, 99, 99.9, 99.99};

    private ReportHtml() {
    }

    /** How every report writes a moment: {@code 2026-12-01 09:55:43 UTC}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The colour a phase has in every chart, here and on the desktop. */
    public static String colour(PhaseName phase) {
        return switch (phase) {
            case OFF -> "#cf3b3b";
            case COLD -> "#c56a00";
            case WARM -> "#1e8e4f";
            case REDIS_DOWN -> "#5f6b7a";
        };
    }

    public static String of(BenchReport report, String summaryText) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>CacheDeck before/after report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
                th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
                .met{color:#2a7d2a;font-weight:bold}.missed,.saturated{color:#b22;font-weight:bold}
                .warning{border:2px solid #cf3b3b;background:#fdf0f0;padding:.6em 1em;margin:1em 0}
                pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:12px}
                svg text{font-size:11px;font-family:system-ui,sans-serif}
                </style></head><body>
                <h1>CacheDeck before/after report</h1>
                """);
        var env = report.environment();
        html.append(p("Started %s, finished %s. Simulated database delay: <b>%.1f ms per statement</b>. "
                        + "Data: %d users, %d jobs (scale %.2f, %s). Redis: %s. %s, %d cores, %s. "
                        + "Load generated in %s.",
                timestamp(report.startedAt()), timestamp(report.finishedAt()), env.dbDelayMillis(), env.users(),
                env.jobs(), env.dataScale(), esc(env.database()), esc(env.redis()), esc(env.jvm()), env.cores(),
                esc(env.os()), esc(env.generator())));
        html.append(p("Traffic: %d req/s offered in every phase, seed %d; every phase's measured window sends the "
                + "same requests in the same order (writes included), so warm means the cache has seen this traffic "
                + "once before, in the cold phase.", report.offeredRate(), report.spec().seed()));
        if (report.calibration() != null) {
            html.append(p("The rate was <b>chosen by calibration</b>: a %.1f s closed-loop probe with the cache off "
                    + "reached %.0f req/s, and about half of that is offered, so that every phase runs below "
                    + "saturation.", report.calibration().probeSeconds(), report.calibration().offCapacity()));
        }
        if (report.ceiling() != null) {
            html.append(p("Ceiling: <b>%.0f req/s</b> on <code>GET /api/ping</code>, a route behind the same filters "
                    + "that touches neither database nor cache, with the same %d connections. No phase can exceed it; "
                    + "each phase's capacity is shown as a share of it. The generator's worker threads spent "
                    + "%.1f µs of CPU per request there.", report.ceiling().perSecond(), report.ceiling().workers(),
                    report.ceiling().generatorCpuMicros()));
        }
        html.append(saturationWarnings(report));
        html.append(targets(report.targets()));
        html.append(phaseTable(report));
        html.append(ratios(report.ratios()));
        html.append("<h2>Latency over time (p50 and p99 of the requests due in each second, log scale)</h2>");
        html.append(latencyOverTime(report.phases()));
        html.append("<h2>Latency distribution (HdrHistogram, 50 % to 99.99 %, log scales)</h2>");
        html.append(distribution(report.phases()));
        html.append("<h2>Throughput over time (successful answers per second; dashed: offered rate)</h2>");
        html.append(throughputOverTime(report));
        html.append("<h2>Latency (from intended send time, log scale)</h2>");
        html.append(chart(report.phases(), List.of("p50", "p95", "p99"), PERCENTILE_COLOURS, true, "ms",
                List.of(p -> p.latency().p50(), p -> p.latency().p95(), p -> p.latency().p99())));
        html.append("<h2>Throughput (successful requests per second)</h2>");
        html.append(p("open loop: the offered rate while the server keeps up; capacity: closed-loop run after each "
                + "latency window on the same phase state, sending the window's requests again (cold's comes after "
                + "its window, so the cache holds what the window filled). Throughput ratios use capacity when "
                + "measured."));
        html.append(chart(report.phases(), List.of("open loop", "capacity"), new String[] {"#76b7b2", "#59a14f"},
                false, "/s", List.of(PhaseResult::throughputPerSecond,
                        phase -> phase.capacity() == null ? 0 : phase.capacity().perSecond())));
        html.append("<h2>Hit rate per tier (reads)</h2>");
        html.append(chart(report.phases(), List.of("api", "query", "model"), TIER_COLOURS, false, "%",
                List.of(p -> 100 * TextSummary.hitRate(p, Tier.RESPONSE), p -> 100 * TextSummary.hitRate(p, Tier.QUERY),
                        p -> 100 * TextSummary.hitRate(p, Tier.MODEL))));
        html.append("<h2>Database statements per request</h2>");
        html.append(chart(report.phases(), List.of("all requests", "reads"), new String[] {"#b07aa1", "#ff9da7"},
                false, "", List.of(PhaseResult::dbStatementsPerRequest, PhaseResult::dbStatementsPerRead)));
        for (PhaseResult phase : report.phases()) {
            html.append(routes(phase));
        }
        html.append("<h2>Summary</h2><pre>").append(esc(summaryText)).append("</pre>");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String saturationWarnings(BenchReport report) {
        StringBuilder out = new StringBuilder();
        for (PhaseResult phase : report.phases()) {
            if (!phase.keptUp()) {
                out.append(format("<div class=\"warning\"><b>%s saturated.</b> It answered %.0f of the %.0f req/s "
                                + "offered and dropped %d requests. Its latency is mostly time spent waiting for a "
                                + "connection (queueing delay), so latency ratios against it measure the queue, not "
                                + "the cache.</div>", esc(phase.phase().wireName()), phase.achievedRate(),
                        phase.offeredRate(), phase.dropped()));
            }
        }
        return out.toString();
    }

    private static String phaseTable(BenchReport report) {
        StringBuilder table = new StringBuilder("<h2>Phases</h2><table><tr><th>phase</th><th>offered /s</th>"
                + "<th>achieved /s</th><th>kept up</th><th>dropped</th><th>capacity /s</th><th>of ceiling</th>"
                + "<th>generator µs CPU/req</th><th>p50 ms</th><th>p99 ms</th><th>hit</th><th>stmts/req</th></tr>");
        for (PhaseResult phase : report.phases()) {
            table.append(format("<tr><td>%s</td><td>%.0f</td><td>%.1f</td><td class=\"%s\">%s</td><td>%d</td>"
                            + "<td>%s</td><td>%s</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%s</td>"
                            + "<td>%.3f</td></tr>",
                    esc(phase.phase().wireName()), phase.offeredRate(), phase.achievedRate(),
                    phase.keptUp() ? "met" : "saturated", phase.keptUp() ? "yes" : "saturated", phase.dropped(),
                    phase.capacity() == null ? "-" : format("%.0f", phase.capacity().perSecond()),
                    phase.ceilingRatio() == null ? "-" : TextSummary.percent(phase.ceilingRatio()),
                    phase.capacity() == null ? "-" : format("%.1f", phase.capacity().generatorCpuMicros()),
                    phase.latency().p50(), phase.latency().p99(), TextSummary.percent(phase.readHitRate()),
                    phase.dbStatementsPerRequest()));
        }
        return table.append("</table>").toString();
    }

    private static String ratios(List<PhaseRatio> ratios) {
        if (ratios.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<h2>Ratios</h2><ul>");
        for (PhaseRatio ratio : ratios) {
            list.append(format("<li>%s &rarr; %s: p50 %.1f&times; lower, p99 %.1f&times; lower, throughput "
                            + "%.2f&times; (%s), statements per request %.3f &rarr; %.3f%s</li>",
                    ratio.baseline().wireName(), ratio.compared().wireName(), ratio.p50Speedup(), ratio.p99Speedup(),
                    ratio.throughputGain(), ratio.throughputBasis().label(), ratio.baselineDbStatementsPerRequest(),
                    ratio.comparedDbStatementsPerRequest(), ratio.queueing()
                            ? " <span class=\"saturated\">(a phase saturated: the latency ratios are queueing delay, "
                            + "not the cache's effect)</span>" : ""));
        }
        return list.append("</ul>").toString();
    }

    private static String latencyOverTime(List<PhaseResult> phases) {
        double low = Double.MAX_VALUE;
        double high = 0;
        int seconds = 1;
        for (PhaseResult phase : phases) {
            for (TimelinePoint point : phase.timeline()) {
                if (point.p50() > 0) {
                    low = Math.min(low, point.p50());
                }
                high = Math.max(high, point.p99());
            }
            seconds = Math.max(seconds, phase.timeline().size());
        }
        if (high == 0) {
            return p("(no per-second figures in this report)");
        }
        SvgPlot.Axis y = SvgPlot.Axis.logDecades("ms", low, high);
        SvgPlot.Axis x = SvgPlot.Axis.linear("second of the measured window", 0, seconds);
        StringBuilder out = new StringBuilder();
        for (PhaseResult phase : phases) {
            // A second in which no request was due (the tail after the window) has no latency to plot.
            List<TimelinePoint> points = phase.timeline().stream().filter(t -> t.p50() > 0).toList();
            double[] xs = points.stream().mapToDouble(t -> t.second() + 0.5).toArray();
            out.append("<div>").append(SvgPlot.render(phase.phase().wireName() + " latency over time", PLOT_WIDTH, 190,
                    x, y, List.of(
                            new SvgPlot.Series(phase.phase().wireName() + " p50", colour(phase.phase()), false, xs,
                                    points.stream().mapToDouble(TimelinePoint::p50).toArray()),
                            new SvgPlot.Series(phase.phase().wireName() + " p99", colour(phase.phase()), true, xs,
                                    points.stream().mapToDouble(TimelinePoint::p99).toArray()))))
                    .append("</div>");
        }
        return out.toString();
    }

    private static String distribution(List<PhaseResult> phases) {
        List<SvgPlot.Series> series = new ArrayList<>();
        double low = Double.MAX_VALUE;
        double high = 0;
        for (PhaseResult phase : phases) {
            List<PercentilePoint> points = phase.percentiles();
            if (points.isEmpty()) {
                continue;
            }
            for (PercentilePoint point : points) {
                low = Math.min(low, Math.max(point.millis(), 0.001));
                high = Math.max(high, point.millis());
            }
            series.add(new SvgPlot.Series(phase.phase().wireName(), colour(phase.phase()), false,
                    points.stream().mapToDouble(point -> nines(point.percentile())).toArray(),
                    points.stream().mapToDouble(PercentilePoint::millis).toArray()));
        }
        if (series.isEmpty()) {
            return p("(no distribution in this report)");
        }
        double[] ticks = new double[PERCENTILE_TICKS.length];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = nines(PERCENTILE_TICKS[i]);
            labels.add(BigDecimal.valueOf(PERCENTILE_TICKS[i]).stripTrailingZeros().toPlainString() + " %");
        }
        SvgPlot.Axis x = new SvgPlot.Axis("percentile", ticks[0], ticks[ticks.length - 1], true, ticks, labels);
        return SvgPlot.render("latency distribution", PLOT_WIDTH, 300, x, SvgPlot.Axis.logDecades("ms", low, high),
                series);
    }

    /** Where a percentile sits on a log axis of "one request in N": 50 % is 2, 99.99 % is 10,000. */
    private static double nines(double percentile) {
        return 1 / (1 - percentile / 100);
    }

    private static String throughputOverTime(BenchReport report) {
        List<SvgPlot.Series> series = new ArrayList<>();
        double high = report.offeredRate();
        int seconds = 1;
        for (PhaseResult phase : report.phases()) {
            List<TimelinePoint> points = phase.timeline();
            if (points.isEmpty()) {
                continue;
            }
            seconds = Math.max(seconds, points.size());
            high = Math.max(high, points.stream().mapToDouble(TimelinePoint::throughput).max().orElse(0));
            series.add(new SvgPlot.Series(phase.phase().wireName(), colour(phase.phase()), false,
                    points.stream().mapToDouble(t -> t.second() + 0.5).toArray(),
                    points.stream().mapToDouble(TimelinePoint::throughput).toArray()));
        }
        if (series.isEmpty()) {
            return p("(no per-second figures in this report)");
        }
        series.add(new SvgPlot.Series("offered", "#888", true, new double[] {0, seconds},
                new double[] {report.offeredRate(), report.offeredRate()}));
        return SvgPlot.render("throughput over time", PLOT_WIDTH, 240,
                SvgPlot.Axis.linear("second of the measured window", 0, seconds),
                SvgPlot.Axis.linear("req/s", 0, high * 1.1), series);
    }

    private static String targets(List<TargetCheck> targets) {
        if (targets.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("<h2>Targets</h2><table><tr><th>target</th><th>wanted</th>"
                + "<th>measured</th><th></th></tr>");
        for (TargetCheck target : targets) {
            table.append(format("<tr><td>%s</td><td>%s</td><td>%.3f</td><td class=\"%s\">%s</td></tr>",
                    esc(target.name()), esc(target.target()), target.measured(), target.met() ? "met" : "missed",
                    target.met() ? "met" : "missed"));
        }
        return table.append("</table>").toString();
    }

    private static String routes(PhaseResult phase) {
        StringBuilder table = new StringBuilder(format("<h3>Phase %s%s: %d requests in %.1f s, %d errors, %d dropped"
                        + "</h3><table><tr><th>route</th><th>requests</th><th>errors</th><th>req/s</th><th>p50 ms</th>"
                        + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>served from cache</th><th>stmts/req</th></tr>",
                phase.phase().wireName(), phase.complete() ? "" : " (stopped early)", phase.requests(),
                phase.seconds(), phase.errors(), phase.dropped()));
        for (RouteResult route : phase.routes()) {
            table.append(format("<tr><td>%s</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.2f</td><td>%.2f</td>"
                            + "<td>%.2f</td><td>%.1f</td><td>%s</td><td>%.2f</td></tr>", esc(route.route()),
                    route.requests(), route.errors(), route.throughputPerSecond(), route.latency().p50(),
                    route.latency().p95(), route.latency().p99(), route.latency().max(),
                    route.write() ? "-" : TextSummary.percent(route.readHitRate()), route.dbStatementsPerRequest()));
        }
        return table.append("</table>").toString();
    }

    /** Horizontal grouped bars: one group per phase, one bar per series, value written at the bar's end. */
    private static String chart(List<PhaseResult> phases, List<String> series, String[] colours, boolean log,
                                String unit, List<ToDoubleFunction<PhaseResult>> values) {
        double max = phases.stream().flatMapToDouble(p -> values.stream().mapToDouble(v -> v.applyAsDouble(p)))
                .max().orElse(0);
        double min = 0.01;
        int groupHeight = series.size() * BAR_HEIGHT + 10;
        int height = phases.size() * groupHeight + 24;
        int plotWidth = CHART_WIDTH - LABEL_WIDTH - 70;
        StringBuilder svg = new StringBuilder(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">", CHART_WIDTH, height));
        for (int s = 0; s < series.size(); s++) {
            int x = LABEL_WIDTH + s * 110;
            svg.append(format("<rect x=\"%d\" y=\"2\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"11\">%s</text>", x, colours[s], x + 14, esc(series.get(s))));
        }
        for (int g = 0; g < phases.size(); g++) {
            PhaseResult phase = phases.get(g);
            int top = 20 + g * groupHeight;
            svg.append(format("<text x=\"0\" y=\"%d\">%s%s</text>", top + groupHeight / 2, phase.phase().wireName(),
                    phase.keptUp() ? "" : " (saturated)"));
            for (int s = 0; s < series.size(); s++) {
                double value = values.get(s).applyAsDouble(phase);
                double fraction = max <= 0 ? 0 : log
                        ? Math.max(0, Math.log10(Math.max(value, min) / min) / Math.log10(Math.max(max, min * 10) / min))
                        : value / max;
                int width = (int) Math.round(fraction * plotWidth);
                int y = top + s * BAR_HEIGHT;
                svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                                + "<text x=\"%d\" y=\"%d\">%s%s</text>", LABEL_WIDTH, y, Math.max(width, 1),
                        BAR_HEIGHT - 2, colours[s], LABEL_WIDTH + width + 4, y + BAR_HEIGHT - 3,
                        format(value >= 100 ? "%.0f" : "%.2f", value), esc(unit)));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String p(String pattern, Object... args) {
        return "<p>" + format(pattern, args) + "</p>";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
