package dev.cachedeck.desktop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desktop app keeps its embedded server's database: the user's data folder, never the working directory
 * (a packaged app is started from anywhere). Linux and other Unix systems follow the XDG Base Directory
 * specification: {@code $XDG_DATA_HOME/cachedeck}, else {@code ~/.local/share/cachedeck}.
 */
final class DataFolder {
    private static final String APP = "cachedeck";

    private DataFolder() {
    }

    static Path of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("CacheDeck");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("CacheDeck");
        }
        // The specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(APP);
        }
        return home.resolve(".local").resolve("share").resolve(APP);
    }

    /** This machine's data folder for this user. */
    static Path ofThisUser() {
        return of(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
