package dev.cachedeck.server.cli;

import dev.cachedeck.server.ServerSettings;
import dev.cachedeck.server.bench.BenchOptions;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of {@code cachedeck-server.jar}: picks the command (serve, bench, overhead), which are the
 * only code that starts a server.
 */
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
        ServeOptions.Parsed parsed;
        try {
            parsed = ServeOptions.parse(args, ServerSettings.load(Config.create(), System.getenv()));
        } catch (ParameterException e) {
            System.err.println("cachedeck-server: " + e.getMessage());
            System.err.print(ServeOptions.usage());
            System.exit(2);
            return;
        }
        if (parsed.command().equals("help")) {
            System.out.print(ServeOptions.usage());
            return;
        }
        ServeCommand.run(parsed.settings());
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

    private static void measureOverhead(List<String> args) {
        System.exit(OverheadCommand.commandLine(ServerSettings.load(Config.create(), System.getenv()))
                .execute(args.toArray(String[]::new)));
    }
}
