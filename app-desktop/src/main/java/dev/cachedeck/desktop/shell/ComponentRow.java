package dev.cachedeck.desktop.shell;

import dev.cachedeck.model.monitor.Health;

/** One server dependency as the status bar and the health table show it. */
public record ComponentRow(String name, Health.Status status, String latency, String detail) {
}
