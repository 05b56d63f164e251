package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.PhaseResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The {@code bench} command's progress. On a terminal one bar redrawn in place; anywhere else (a file, a pipe,
 * CI) plain lines, one when a phase or its part changes and one every {@value #LINE_EVERY_SECONDS} s, so a log
 * stays readable instead of becoming one long line of carriage-return redraws.
 */
final class ProgressPrinter {
    static final int LINE_EVERY_SECONDS = 5;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String lastPart;
    private double lastLineAt = Double.NEGATIVE_INFINITY;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(BenchStatus status) {
        if (terminal) {
            int filled = (int) Math.round(status.progress() * BAR_WIDTH);
            out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %-18s%-28s", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                    status.progress() * 100, part(status), live(status));
            out.flush();
            return;
        }
        String part = part(status);
        if (!part.equals(lastPart) || status.elapsedSeconds() >= lastLineAt + LINE_EVERY_SECONDS) {
            out.printf(Locale.ROOT, "%6.1f s %3.0f%% %s%s%n", status.elapsedSeconds(), status.progress() * 100,
                    part.isEmpty() ? status.state().name().toLowerCase(Locale.ROOT) : part, live(status));
            lastPart = part;
            lastLineAt = status.elapsedSeconds();
        }
    }

    /** Ends the bar's line; plain lines need nothing. */
    void done() {
        if (terminal) {
            out.println();
        }
    }

    private static String part(BenchStatus status) {
        if (status.step() != null) {
            return status.step();
        }
        return status.phase() == null ? "" : status.phase().wireName() + (status.warmingUp() ? " (warm-up)" : "");
    }

    private static String live(BenchStatus status) {
        if (status.phases().isEmpty()) {
            return "";
        }
        PhaseResult last = status.phases().getLast();
        return String.format(Locale.ROOT, " %.0f req/s p50 %.2f ms", last.throughputPerSecond(), last.latency().p50());
    }
}
