package dev.cachedeck.server.cli;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import java.util.concurrent.CountDownLatch;

/** {@code cachedeck-server.jar [serve]}: runs the server until the process is asked to stop. */
final class ServeCommand {
    private ServeCommand() {
    }

    static void run(ServerSettings settings) throws InterruptedException {
        CacheDeckServer server = CacheDeckServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "cachedeck-shutdown"));
        if (settings.adminToken().isEmpty()) {
            // Printed once so a developer can call the admin API; set CACHEDECK_ADMIN_TOKEN to choose it.
            System.out.println("Admin token (generated): " + server.adminToken());
        }
        System.out.println("CacheDeck server listening on " + server.baseUri());
        System.out.flush();
        stopped.await();
    }
}
