package dev.cachedeck.desktop.demo;

import dev.cachedeck.model.bench.PercentilePoint;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.TimelinePoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Demo's line plots as points, the same three as report.html: latency over time per phase (p50 and p99 of
 * the requests due in each second), the percentile distribution from 50 % to 99.99 %, and throughput over
 * time. JavaFX has no log axis, so log scales are plotted as log10 of the value and labelled back.
 */
final class DemoPlots {
    /** One line of a plot; {@code dashed} for a phase's p99 next to its p50. */
    record Line(String name, PhaseName phase, boolean dashed, List<Point> points) {
    }

    record Point(double x, double y) {
    }

    private DemoPlots() {
    }

    /** x: second of the window (middle of it); y: log10 of the latency in ms. */
    static List<Line> latencyOverTime(DemoResults results) {
        List<Line> lines = new ArrayList<>();
        for (DemoResults.PhaseLines phase : results.lines()) {
            List<Point> p50 = new ArrayList<>();
            List<Point> p99 = new ArrayList<>();
            for (TimelinePoint point : phase.timeline()) {
                if (point.p50() > 0) {
                    p50.add(new Point(point.second() + 0.5, Math.log10(point.p50())));
                    p99.add(new Point(point.second() + 0.5, Math.log10(point.p99())));
                }
            }
            lines.add(new Line(DemoResults.label(phase.phase()) + " p50", phase.phase(), false, p50));
            lines.add(new Line(DemoResults.label(phase.phase()) + " p99", phase.phase(), true, p99));
        }
        return lines;
    }

    /** x: log10 of "one request in N" (50 % is log10 2, 99.99 % is 4); y: log10 of the latency in ms. */
    static List<Line> distribution(DemoResults results) {
        List<Line> lines = new ArrayList<>();
        for (DemoResults.PhaseLines phase : results.lines()) {
            List<Point> points = new ArrayList<>();
            for (PercentilePoint point : phase.percentiles()) {
                if (point.millis() > 0) {
                    points.add(new Point(Math.log10(1 / (1 - point.percentile() / 100)), Math.log10(point.millis())));
                }
            }
            lines.add(new Line(DemoResults.label(phase.phase()), phase.phase(), false, points));
        }
        return lines;
    }

    /** x: second of the window; y: successful answers in that second. */
    static List<Line> throughputOverTime(DemoResults results) {
        List<Line> lines = new ArrayList<>();
        for (DemoResults.PhaseLines phase : results.lines()) {
            lines.add(new Line(DemoResults.label(phase.phase()), phase.phase(), false, phase.timeline().stream()
                    .map(point -> new Point(point.second() + 0.5, point.throughput())).toList()));
        }
        return lines;
    }

    /** The label of a decade tick on a log axis: {@code -1} reads 0.1, {@code 3} reads 1,000. */
    static String decade(double log10) {
        double value = Math.pow(10, Math.rint(log10));
        return value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%s", value);
    }

    /** The label of a tick on the percentile axis: {@code 2} reads 99 %, {@code 4} reads 99.99 %. */
    static String percentile(double log10OneIn) {
        double percent = 100 * (1 - Math.pow(10, -Math.rint(log10OneIn)));
        return BigDecimal.valueOf(percent).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " %";
    }
}
