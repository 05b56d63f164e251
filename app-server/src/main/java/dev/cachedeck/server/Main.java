package dev.cachedeck.server;

import dev.cachedeck.server.bench.BenchCommand;
import dev.cachedeck.server.bench.BenchOptions;
import dev.cachedeck.server.metrics.OverheadCommand;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Entry point of {@code cachedeck-server.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LogConfig.configureRuntime();
        if (args.length > 0 && args[0].equals(BenchCommand.NAME)) {
            System.exit(bench(List.of(args).subList(1, args.length)));
        }
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

    private static int bench(List<String> args) throws InterruptedException {
        if (args.contains("--help")) {
            System.out.println(BenchOptions.usage());
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, Optional.ofNullable(System.getenv("CACHEDECK_ADMIN_TOKEN")));
        } catch (IllegalArgumentException e) {
            System.err.println("cachedeck-server bench: " + e.getMessage());
            System.err.println(BenchOptions.usage());
            return 2;
        }
        ServerSettings settings = ServerSettings.load(Config.create(), System.getenv());
        try {
            return new BenchCommand(System.out, System.err, BenchCommand.onTerminal()).run(options, settings);
        } catch (IOException e) {
            System.err.println("cachedeck-server bench: " + e.getMessage());
            return 1;
        }
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
