package dev.cachedeck.server;

import dev.cachedeck.server.metrics.OverheadCommand;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Entry point of {@code cachedeck-server.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LogConfig.configureRuntime();
        if (args.length > 0 && args[0].equals("overhead")) {
            measureOverhead(List.of(args).subList(1, args.length));
            return;
        }
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args, ServerSettings.load(Config.create(), System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("cachedeck-server: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.command().equals("help")) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        serve(parsed.settings());
    }

    private static void measureOverhead(List<String> args) throws Exception {
        int exitCode;
        try {
            exitCode = OverheadCommand.run(args, ServerSettings.load(Config.create(), System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("cachedeck-server: " + e.getMessage());
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    private static void serve(ServerSettings settings) throws InterruptedException {
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
