package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.model.monitor.TimelineMarker;

/**
 * The few words a chart shows beside a timeline marker. The server's labels are written for logs and the JSON
 * ("redis circuit open: failures=3 last=RedisCommandTimeoutException"); on a chart, markers a few seconds apart
 * would print over each other, so each gets a short name, or none for lines that only pace a phase.
 */
final class MarkerLabels {
    private static final String BENCH = "bench ";

    private MarkerLabels() {
    }

    /** The text beside the marker's line; empty for a line drawn without text. */
    static String shortLabel(TimelineMarker marker) {
        String label = marker.label();
        return switch (marker.kind()) {
            case "phase" -> phase(label);
            case "outage" -> label.startsWith("redis circuit open") ? "Redis skipped"
                    : label.startsWith("redis circuit closed") ? "Redis back" : label;
            case "purge" -> "purge";
            default -> label;
        };
    }

    private static String phase(String label) {
        String phase = label.startsWith(BENCH) ? label.substring(BENCH.length()) : label;
        if (phase.endsWith(" warm-up")) {
            return "";
        }
        if (phase.endsWith(" measured")) {
            return phase.substring(0, phase.length() - " measured".length());
        }
        return phase;
    }
}
