package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.loadgen.LoadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WindowReplayTest {

    @Test
    void eachLaneStartsItsShareOfTheWayThroughAndWrapsAround() {
        WindowReplay replay = new WindowReplay();
        for (int i = 0; i < 8; i++) {
            replay.keep(request(i));
        }
        IntFunction<Supplier<PlannedRequest>> lanes = replay.lanes(4);
        assertEquals(List.of("/0", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/0"), paths(lanes.apply(0), 9));
        assertEquals(List.of("/2", "/3", "/4", "/5", "/6", "/7", "/0", "/1"), paths(lanes.apply(1), 8));
        assertEquals(List.of("/6", "/7", "/0"), paths(lanes.apply(3), 3));
    }

    @Test
    void keepsOnlyTheFirstRequestsOfALongWindow() {
        WindowReplay replay = new WindowReplay();
        assertTrue(replay.isEmpty());
        for (int i = 0; i < WindowReplay.LIMIT + 10; i++) {
            replay.keep(request(i));
        }
        assertFalse(replay.isEmpty());
        Supplier<PlannedRequest> lane = replay.lanes(1).apply(0);
        List<String> sent = paths(lane, WindowReplay.LIMIT + 1);
        assertEquals("/" + (WindowReplay.LIMIT - 1), sent.get(WindowReplay.LIMIT - 1));
        assertEquals("/0", sent.get(WindowReplay.LIMIT), "after the last kept request the lane starts over");
    }

    private static List<String> paths(Supplier<PlannedRequest> lane, int count) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paths.add(lane.get().request().path());
        }
        return paths;
    }

    private static PlannedRequest request(int i) {
        return new PlannedRequest("route", false, "GET /" + i, LoadRequest.get("/" + i));
    }
}
