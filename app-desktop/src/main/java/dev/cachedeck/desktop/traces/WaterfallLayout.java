package dev.cachedeck.desktop.traces;

import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.TraceSpan;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where each span of a trace goes on a waterfall {@code width} pixels wide: one row per span in start order,
 * x and width proportional to microseconds, and an axis with round steps (1, 2 or 5 × 10ⁿ µs). Plain maths,
 * so it is tested without a screen.
 *
 * @param spanMicros the axis length: the request's total, or the last span's end if that is later
 */
public record WaterfallLayout(List<Bar> bars, List<Tick> ticks, long spanMicros, double pixelsPerMicro) {
    /** A span too short to see still gets a sliver, so a 3 µs BYPASS lookup is not invisible. */
    static final double MIN_BAR_PIXELS = 2;
    /** About this many axis steps fit a waterfall of any width without labels running into each other. */
    private static final int TARGET_TICKS = 8;

    public WaterfallLayout {
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
    }

    public record Bar(TraceSpan span, int row, double x, double width) {
    }

    public record Tick(long micros, double x, String label) {
    }

    /** The spans in the order they started, the order a reader follows a request. */
    public static List<TraceSpan> inStartOrder(RequestTrace trace) {
        return trace.spans().stream().sorted(Comparator.comparingLong(TraceSpan::startMicros)).toList();
    }

    public static WaterfallLayout of(RequestTrace trace, double width) {
        List<TraceSpan> spans = inStartOrder(trace);
        long end = spans.stream().mapToLong(span -> span.startMicros() + span.durationMicros()).max().orElse(0);
        long total = Math.max(1, Math.max(trace.totalMicros(), end));
        double scale = Math.max(0, width) / total;
        List<Bar> bars = IntStream.range(0, spans.size()).mapToObj(row -> {
            TraceSpan span = spans.get(row);
            double x = Math.min(span.startMicros() * scale, Math.max(0, width - MIN_BAR_PIXELS));
            double barWidth = Math.min(Math.max(MIN_BAR_PIXELS, span.durationMicros() * scale), width - x);
            return new Bar(span, row, x, barWidth);
        }).toList();
        long step = step(total);
        List<Tick> ticks = IntStream.rangeClosed(0, (int) (total / step))
                .mapToObj(index -> new Tick(index * step, index * step * scale, axisLabel(index * step))).toList();
        return new WaterfallLayout(bars, ticks, total, scale);
    }

    /** The round step (1, 2 or 5 × 10ⁿ µs) that cuts {@code totalMicros} into at most {@link #TARGET_TICKS} parts. */
    static long step(long totalMicros) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (totalMicros / (step * factor) <= TARGET_TICKS) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    /** "0", "500 µs", "1 ms", "1.5 ms", "20 ms": µs below a millisecond, ms without trailing zeros above. */
    static String axisLabel(long micros) {
        if (micros == 0) {
            return "0";
        }
        if (micros < 1000) {
            return micros + " µs";
        }
        return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString() + " ms";
    }

    /** What a span's row says: the tier and its outcome, the SQL text, or what was serialized. */
    public static String label(TraceSpan span) {
        return switch (span.kind()) {
            case TIER -> TraceRow.tierName(span) + " " + span.outcome();
            case SQL -> span.name();
            case SERIALIZATION -> "serialize " + span.name();
        };
    }

    public static String duration(TraceSpan span) {
        return Units.millis(span.durationMicros());
    }
}
