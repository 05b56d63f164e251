package dev.cachedeck.desktop.traces;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.TraceSpan;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One trace in the traces table; {@code totalMicros} stays a number so the column sorts by it. */
public record TraceRow(RequestTrace trace, String at, String route, String path, int status, long totalMicros,
                       int dbStatements, String cache) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    public static TraceRow of(RequestTrace trace, ZoneId zone) {
        return new TraceRow(trace, TIME.format(trace.at().atZone(zone)), trace.route(),
                trace.method() + " " + trace.path(), trace.status(), trace.totalMicros(), trace.dbStatements(),
                cache(trace.spans()));
    }

    /**
     * The tier outcomes in X-Cache style, with repeats counted: "api=MISS q=HIT×2,MISS m=MISS"; "no lookups"
     * for an uncached route.
     */
    static String cache(List<TraceSpan> spans) {
        String text = Stream.of(Tier.values()).map(tier -> {
            Map<String, Long> outcomes = spans.stream()
                    .filter(span -> span.kind() == TraceSpan.Kind.TIER && tier.name().equals(span.name()))
                    .collect(Collectors.groupingBy(TraceSpan::outcome, LinkedHashMap::new, Collectors.counting()));
            if (outcomes.isEmpty()) {
                return "";
            }
            return tier.keySegment() + "=" + outcomes.entrySet().stream()
                    .map(outcome -> outcome.getKey() + (outcome.getValue() > 1 ? "×" + outcome.getValue() : ""))
                    .collect(Collectors.joining(","));
        }).filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
        return text.isEmpty() ? "no lookups" : text;
    }

    /** The tier of a TIER span; its {@code name} is the enum constant. */
    static Tier tier(TraceSpan span) {
        return Tier.valueOf(span.name());
    }

    static String tierName(TraceSpan span) {
        return tier(span).displayName();
    }
}
