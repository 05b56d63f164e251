package dev.cachedeck.desktop.control;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One line of the invalidation log as the table shows it. */
public record InvalidationRow(String at, String cause, String route, String tags, String keysRemoved,
                              String took, String applied) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    public static InvalidationRow of(InvalidationLogEntry entry, ZoneId zone) {
        return new InvalidationRow(TIME.format(entry.at().atZone(zone)), entry.cause(), entry.route(),
                String.join(", ", entry.tags()), keysRemoved(entry),
                String.format(Locale.ROOT, "%.2f ms", entry.micros() / 1000.0),
                entry.applied() ? "yes" : "no: Redis down, flushed on recovery");
    }

    /** "API response 2 · Model instance 1", tiers in their order; "none" when nothing was cached. */
    static String keysRemoved(InvalidationLogEntry entry) {
        String removed = Stream.of(Tier.values()).filter(entry.keysRemoved()::containsKey)
                .map(tier -> tier.displayName() + " " + entry.keysRemoved().get(tier))
                .collect(Collectors.joining(" · "));
        return removed.isEmpty() ? "none" : removed;
    }

    /** A sentence for the message line after a manual invalidation. */
    public static String sentence(InvalidationLogEntry entry) {
        long total = entry.keysRemoved().values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "Invalidated %s: %d tags, %d keys removed (%s) in %.2f ms.",
                entry.cause().replaceFirst("^manual ", ""), entry.tags().size(), total, keysRemoved(entry),
                entry.micros() / 1000.0);
    }
}
