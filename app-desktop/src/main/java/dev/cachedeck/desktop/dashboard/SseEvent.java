package dev.cachedeck.desktop.dashboard;

/** One Server-Sent Event: {@code event} is "message" when the server named none. */
public record SseEvent(String id, String event, String data) {
}
