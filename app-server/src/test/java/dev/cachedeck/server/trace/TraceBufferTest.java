package dev.cachedeck.server.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.server.request.SqlText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceBufferTest {

    @Test
    void keepsTheNewestTracesNewestFirstAndFiltersByRoute() {
        TraceBuffer buffer = new TraceBuffer(3);
        for (int i = 0; i < 5; i++) {
            long id = buffer.nextId();
            buffer.add(trace(id, id % 2 == 0 ? "job" : "profile", 100 * (6 - id)));
        }
        assertEquals(List.of(5L, 4L, 3L), ids(buffer.recent(null, 10)));
        assertEquals(List.of(5L, 4L), ids(buffer.recent(null, 2)));
        assertEquals(List.of(4L), ids(buffer.recent("job", 10)));
        assertEquals(List.of(3L, 4L, 5L), ids(buffer.slowest(null, 10)));
    }

    @Test
    void sqlTextKeepsPlaceholdersAndElidesLiterals() {
        assertEquals("SELECT * FROM users WHERE id = ? AND name = ? AND t1.rating2 > ?",
                SqlText.elideLiterals("SELECT *\n  FROM users WHERE id = 42 AND name = 'O''Brien' AND t1.rating2 > ?"));
    }

    private static RequestTrace trace(long id, String route, long micros) {
        return new RequestTrace(id, "127.0.0.1:8080", Instant.EPOCH, "GET", route, "/api/x", 200, micros, 0, List.of());
    }

    private static List<Long> ids(List<RequestTrace> traces) {
        return traces.stream().map(RequestTrace::id).toList();
    }
}
