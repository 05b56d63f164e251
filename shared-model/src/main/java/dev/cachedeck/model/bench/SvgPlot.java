package dev.cachedeck.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A line plot as inline SVG: a linear or logarithmic x and y axis with labelled ticks, one polyline per series, a
 * legend. Small on purpose: the report must open offline, with no script and nothing fetched.
 */
final class SvgPlot {
    private static final int LEFT = 62;
    private static final int RIGHT = 34;
    private static final int TOP = 26;
    private static final int BOTTOM = 38;

    /** One line; {@code dashed} for reference lines such as an offered rate. */
    record Series(String name, String colour, boolean dashed, double[] xs, double[] ys) {
    }

    /** An axis: its range, whether it is logarithmic, where its ticks go and how they read. */
    record Axis(String title, double min, double max, boolean log, double[] ticks, List<String> tickLabels) {

        static Axis linear(String title, double min, double max) {
            double span = max - min <= 0 ? 1 : max - min;
            double step = niceStep(span / 5);
            List<Double> ticks = new ArrayList<>();
            for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
                ticks.add(t);
            }
            return new Axis(title, min, min + span, false, ticks.stream().mapToDouble(Double::doubleValue).toArray(),
                    ticks.stream().map(SvgPlot::number).toList());
        }

        /** Decades from below {@code min} to above {@code max}, labelled 0.1, 1, 10 ... */
        static Axis logDecades(String title, double min, double max) {
            int low = (int) Math.floor(Math.log10(Math.max(min, 1e-3)));
            int high = Math.max(low + 1, (int) Math.ceil(Math.log10(Math.max(max, 1e-3))));
            double[] ticks = new double[high - low + 1];
            List<String> labels = new ArrayList<>();
            for (int exponent = low; exponent <= high; exponent++) {
                ticks[exponent - low] = Math.pow(10, exponent);
                labels.add(exponent >= 0 ? number(ticks[exponent - low])
                        : "0." + "0".repeat(-exponent - 1) + "1");
            }
            return new Axis(title, ticks[0], ticks[ticks.length - 1], true, ticks, labels);
        }

        double fraction(double value) {
            if (log) {
                double v = Math.max(value, min);
                return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            return (value - min) / (max - min);
        }
    }

    private SvgPlot() {
    }

    static String render(String caption, int width, int height, Axis x, Axis y, List<Series> series) {
        int plotWidth = width - LEFT - RIGHT;
        int plotHeight = height - TOP - BOTTOM;
        DoubleUnaryOperator px = value -> LEFT + clamp(x.fraction(value)) * plotWidth;
        DoubleUnaryOperator py = value -> TOP + (1 - clamp(y.fraction(value))) * plotHeight;
        StringBuilder svg = new StringBuilder(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" role=\"img\" aria-label=\"%s\">", width, height, ReportHtml.esc(caption)));
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#bbb\"/>", LEFT,
                TOP, plotWidth, plotHeight));
        for (int i = 0; i < y.ticks().length; i++) {
            double ty = py.applyAsDouble(y.ticks()[i]);
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, ty, LEFT + plotWidth, ty,
                    LEFT - 4, ty + 4, y.tickLabels().get(i)));
        }
        for (int i = 0; i < x.ticks().length; i++) {
            double tx = px.applyAsDouble(x.ticks()[i]);
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", tx, TOP, tx, TOP + plotHeight, tx,
                    TOP + plotHeight + 14, x.tickLabels().get(i)));
        }
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", LEFT + plotWidth / 2,
                height - 6, ReportHtml.esc(x.title())));
        svg.append(format("<text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">%s</text>",
                TOP + plotHeight / 2, TOP + plotHeight / 2, ReportHtml.esc(y.title())));
        int legendX = LEFT;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.xs().length; i++) {
                points.append(format("%.1f,%.1f ", px.applyAsDouble(line.xs()[i]), py.applyAsDouble(line.ys()[i])));
            }
            svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"%s points=\"%s\"/>",
                    line.colour(), line.dashed() ? " stroke-dasharray=\"5 4\"" : "", points.toString().trim()));
            svg.append(format("<line x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"12\" stroke=\"%s\" stroke-width=\"3\"%s/>"
                    + "<text x=\"%d\" y=\"16\">%s</text>", legendX, legendX + 16, line.colour(),
                    line.dashed() ? " stroke-dasharray=\"4 3\"" : "", legendX + 20, ReportHtml.esc(line.name())));
            legendX += 28 + 7 * line.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }

    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        return (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
    }

    static String number(double value) {
        if (value >= 1000 && value == Math.rint(value)) {
            return format("%,.0f", value);
        }
        return value == Math.rint(value) ? format("%.0f", value) : format("%.2f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
