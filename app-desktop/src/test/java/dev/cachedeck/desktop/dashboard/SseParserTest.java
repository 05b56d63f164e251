package dev.cachedeck.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final SseParser parser = new SseParser();

    private List<SseEvent> feed(String... lines) {
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void aBlankLineCompletesAnEventWithItsIdTypeAndData() {
        assertEquals(List.of(new SseEvent("1764061200", "tick", "{\"second\":1764061200}")),
                feed("id: 1764061200", "event: tick", "data: {\"second\":1764061200}", ""));
        assertEquals("1764061200", parser.lastId());
    }

    @Test
    void dataLinesJoinWithNewlinesAndCommentsAreSkipped() {
        assertEquals(List.of(new SseEvent("", "message", "a\nb")), feed(": keep-alive", "data: a", "data:b", ""));
    }

    @Test
    void theLastIdSurvivesEventsWithoutOneAndUnknownFieldsAreIgnored() {
        feed("id: 7", "data: x", "");
        List<SseEvent> next = feed("retry: 100", "event: bench", "data: y", "");
        assertEquals(List.of(new SseEvent("7", "bench", "y")), next);
        assertEquals("7", parser.lastId());
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        assertTrue(feed("id: 9", "event: tick", "").isEmpty());
        assertEquals("9", parser.lastId());
    }
}
