package dev.cachedeck.desktop;

import java.util.List;
import javafx.application.Application;

/**
 * The main class. JavaFX refuses to start an {@code Application} subclass named as main class
 * from the class path, so this one checks the arguments and hands over.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            if (DesktopOptions.parse(List.of(args), System.getenv()).help()) {
                System.out.println(DesktopOptions.USAGE);
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("cachedeck: " + e.getMessage());
            System.err.println(DesktopOptions.USAGE);
            System.exit(2);
        }
        Application.launch(CacheDeckApp.class, args);
        // Helidon, Lettuce and H2 threads of a server whose stop overran its bound must not keep the JVM up.
        System.exit(0);
    }
}
