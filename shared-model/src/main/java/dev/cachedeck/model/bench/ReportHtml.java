package dev.cachedeck.model.bench;

import dev.cachedeck.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page of a report: inline CSS and SVG bar charts, no script, nothing fetched, so
 * it can be mailed or opened offline. Colours per tier match the desktop palette's order.
 */
public final class ReportHtml {
    private static final String[] TIER_COLOURS = {"#4e79a7", "#f28e2b", "#59a14f"};
    private static final String[] PERCENTILE_COLOURS = {"#4e79a7", "#edc948", "#e15759"};
    private static final int CHART_WIDTH = 640;
    private static final int LABEL_WIDTH = 110;
    private static final int BAR_HEIGHT = 14;

    private ReportHtml() {
    }

    public static String of(BenchReport report, String summaryText) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>CacheDeck before/after report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
                th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
                .met{color:#2a7d2a;font-weight:bold}.missed{color:#b22;font-weight:bold}
                pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:12px}
                svg text{font-size:11px;font-family:system-ui,sans-serif}
                </style></head><body>
                <h1>CacheDeck before/after report</h1>
                """);
        var env = report.environment();
        html.append(p("Started %s, finished %s. Simulated database delay: <b>%.1f ms per statement</b>. "
                        + "Data: %d users, %d jobs (scale %.2f, %s). Redis: %s. %s, %d cores, %s.",
                report.startedAt(), report.finishedAt(), env.dbDelayMillis(), env.users(), env.jobs(),
                env.dataScale(), esc(env.database()), esc(env.redis()), esc(env.jvm()), env.cores(), esc(env.os())));
        html.append(p("Traffic: seed %d; every phase's measured window sends the same requests in the same order "
                + "(writes included), so warm means the cache has seen this traffic once before, in the cold phase.",
                report.spec().seed()));
        html.append(targets(report.targets()));
        html.append("<h2>Latency (from intended send time, log scale)</h2>");
        html.append(chart(report.phases(), List.of("p50", "p95", "p99"), PERCENTILE_COLOURS, true, "ms",
                List.of(p -> p.latency().p50(), p -> p.latency().p95(), p -> p.latency().p99())));
        html.append("<h2>Throughput (successful requests per second)</h2>");
        html.append(p("open loop: the offered rate while the server keeps up; capacity: closed-loop run after each "
                + "latency window on the same phase state (cold's comes after its window, so the cache is partly "
                + "filled by then). Throughput ratios use capacity when measured."));
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
            svg.append(format("<text x=\"0\" y=\"%d\">%s</text>", top + groupHeight / 2, phase.phase().wireName()));
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
