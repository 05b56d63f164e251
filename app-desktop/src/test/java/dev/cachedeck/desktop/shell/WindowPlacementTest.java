package dev.cachedeck.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.desktop.shell.WindowPlacement.Bounds;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Bounds LAPTOP = new Bounds(0, 0, 1920, 1040);
    private static final Bounds MONITOR_RIGHT = new Bounds(1920, 0, 2560, 1400);
    private static final Bounds SIZE = new Bounds(0, 0, 1280, 820);

    @Test
    void aFirstStartOpensCentredOnThePrimaryScreen() {
        assertEquals(new Bounds(320, 110, 1280, 820), WindowPlacement.place(null, SIZE, List.of(LAPTOP)));
    }

    @Test
    void aPlaceOnAScreenThatStillExistsIsKept() {
        Bounds saved = new Bounds(2100, 200, 1400, 900);
        assertEquals(saved, WindowPlacement.place(saved, SIZE, List.of(LAPTOP, MONITOR_RIGHT)));
    }

    @Test
    void aPlaceOnAnUnpluggedMonitorMovesToThePrimaryScreenKeepingTheSize() {
        Bounds saved = new Bounds(2100, 200, 1400, 900);
        assertEquals(new Bounds(260, 70, 1400, 900), WindowPlacement.place(saved, SIZE, List.of(LAPTOP)));
    }

    @Test
    void aWindowWhoseTitleBarIsOffEveryScreenIsMovedEvenIfPartOfItShows() {
        Bounds titleAbove = new Bounds(100, -400, 1280, 820);
        Bounds moved = WindowPlacement.place(titleAbove, SIZE, List.of(LAPTOP));
        assertEquals(new Bounds(320, 110, 1280, 820), moved);
    }

    @Test
    void aWindowHalfOffTheEdgeIsPulledBackWhole() {
        Bounds saved = new Bounds(1500, 300, 1280, 820);
        assertEquals(new Bounds(640, 220, 1280, 820), WindowPlacement.place(saved, SIZE, List.of(LAPTOP)));
    }

    @Test
    void aWindowLargerThanTheScreenLeftIsShrunkToIt() {
        Bounds saved = new Bounds(1920, 0, 2500, 1380);
        assertEquals(new Bounds(0, 0, 1920, 1040), WindowPlacement.place(saved, SIZE, List.of(LAPTOP)));
    }

    @Test
    void aTitleBarShowingOnlyAFewPixelsDoesNotCount() {
        Bounds saved = new Bounds(1850, 100, 1280, 820);
        Bounds placed = WindowPlacement.place(saved, SIZE, List.of(LAPTOP));
        assertEquals(new Bounds(320, 110, 1280, 820), placed);
    }
}
