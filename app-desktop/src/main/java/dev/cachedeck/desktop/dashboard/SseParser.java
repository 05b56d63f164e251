package dev.cachedeck.desktop.dashboard;

import java.util.Optional;

/**
 * Turns text/event-stream lines into events (WHATWG HTML, "Parsing an event stream"): fields until a blank
 * line, multi-line data joined with newlines, comments and unknown fields ignored, and the last event id
 * remembered for a reconnect even across events that carry none.
 */
final class SseParser {
    private String lastId = "";
    private String event = "";
    private StringBuilder data;

    /** Feeds one line (without its line end); returns the event a blank line completes. */
    Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> {
                if (!value.contains("\0")) {
                    lastId = value;
                }
            }
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // "retry" and unknown fields: the client keeps its own reconnect delay.
            }
        }
        return Optional.empty();
    }

    private Optional<SseEvent> dispatch() {
        Optional<SseEvent> done = data == null ? Optional.empty()
                : Optional.of(new SseEvent(lastId, event.isEmpty() ? "message" : event, data.toString()));
        event = "";
        data = null;
        return done;
    }

    /** The id to send as {@code Last-Event-ID} when reconnecting; empty before any. */
    String lastId() {
        return lastId;
    }
}
