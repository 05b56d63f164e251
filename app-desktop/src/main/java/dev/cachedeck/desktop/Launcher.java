package dev.cachedeck.desktop;

import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import io.helidon.logging.common.LogConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;

/**
 * The main class. JavaFX refuses to start an {@code Application} subclass named as main class
 * from the class path, so this one checks the arguments and hands over.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        // One logging setup for the window and its embedded server: the logging.properties on the class path.
        LogConfig.configureRuntime();
        DesktopOptions options;
        try {
            options = DesktopOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cachedeck: " + e.getMessage());
            System.err.println(DesktopOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DesktopOptions.usage());
            return;
        }
        if (options.headless()) {
            serveHeadless(options);
            return;
        }
        Application.launch(CacheDeckApp.class, args);
        // Helidon, Lettuce and H2 threads of a server whose stop overran its bound must not keep the JVM up.
        System.exit(0);
    }

    /** The embedded server without a window, until the process is stopped: how a package is checked without a screen. */
    private static void serveHeadless(DesktopOptions options) throws InterruptedException {
        EmbeddedServerConnection server = EmbeddedServerConnection.start(CacheDeckApp.embeddedSettings(options));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "headless-stop"));
        System.out.println("CacheDeck server listening on " + server.baseUri());
        stopped.await();
    }
}
