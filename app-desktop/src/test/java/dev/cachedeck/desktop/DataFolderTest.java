package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeWhenItIsAnAbsolutePath() {
        assertEquals(Path.of("/data/ada/cachedeck"), DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME));
    }

    @Test
    void linuxFallsBackToDotLocalShareWithoutXdgDataHome() {
        assertEquals(Path.of("/home/ada/.local/share/cachedeck"), DataFolder.of("Linux", Map.of(), HOME));
        assertEquals(Path.of("/home/ada/.local/share/cachedeck"),
                DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), HOME), "the spec: ignore a relative one");
    }

    @Test
    void macOsAndWindowsUseTheirOwnApplicationDataFolders() {
        assertEquals(Path.of("/home/ada/Library/Application Support/CacheDeck"), DataFolder.of("Mac OS X", Map.of(), HOME));
        assertEquals(Path.of("/c/Users/ada/AppData/Local/CacheDeck"),
                DataFolder.of("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local"), HOME));
    }
}
