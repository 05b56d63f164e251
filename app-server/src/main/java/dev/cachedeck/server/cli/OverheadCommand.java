package dev.cachedeck.server.cli;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import dev.cachedeck.server.metrics.HitPathMeasurement;
import dev.cachedeck.server.metrics.OverheadMeasurement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cachedeck-server.jar overhead}: runs {@link OverheadMeasurement} on an in-memory server and prints each
 * round and the ratio; exit code 0 when the ratio reaches 0.95, 1 when it does not, 2 for a bad command line.
 * With {@code --hit-path} it runs {@link HitPathMeasurement} instead: exit code 0 when a near hit reaches 0.8 of
 * the trivial endpoint's throughput.
 */
@Command(name = "java -jar cachedeck-server.jar overhead", sortOptions = false, separator = " ",
        description = {"Measures what instrumentation costs on a cached hit (see docs/metrics.md), or with",
                "--hit-path what a near hit, a Redis hit and a miss cost against GET /api/ping (docs/caching.md)."})
final class OverheadCommand implements Callable<Integer> {
    private static final double TARGET = 0.95;

    private final ServerSettings defaults;

    @Spec
    private CommandSpec spec;

    private int seconds = 5;
    private int rounds = 5;
    private int connections = 4;

    @Option(names = "--scale", paramLabel = "F", order = 4,
            description = "sample-data scale of the in-memory database (default ${DEFAULT-VALUE})")
    private double scale = 0.05;

    @Option(names = "--hit-path", order = 5, description = {"measure the trivial endpoint, a near hit, a Redis hit and"
            + " a miss in interleaved rounds instead"})
    private boolean hitPath;

    @Option(names = "--help", usageHelp = true, order = 6, description = "print this text")
    private boolean help;

    private OverheadCommand(ServerSettings defaults) {
        this.defaults = defaults;
    }

    /** The command over {@code defaults}; {@code execute(args)} returns the process exit code. */
    static CommandLine commandLine(ServerSettings defaults) {
        return new CommandLine(new OverheadCommand(defaults));
    }

    @Option(names = "--seconds", paramLabel = "N", order = 1, description = "length of each round (default 5)")
    private void seconds(int value) {
        seconds = positive("--seconds", value);
    }

    @Option(names = "--rounds", paramLabel = "N", order = 2,
            description = "pairs of rounds, instrumentation on and off alternately (with --hit-path: rounds of all"
                    + " four) (default 5)")
    private void rounds(int value) {
        rounds = positive("--rounds", value);
    }

    @Option(names = "--connections", paramLabel = "N", order = 3,
            description = "concurrent kept-alive client connections (default 4)")
    private void connections(int value) {
        connections = positive("--connections", value);
    }

    @Override
    public Integer call() throws Exception {
        String adminToken = UUID.randomUUID().toString();
        ServerSettings settings = defaults.withInMemory(true).withScale(scale).withPort(0).withAdminToken(adminToken);
        try (CacheDeckServer server = CacheDeckServer.start(settings)) {
            if (hitPath) {
                HitPathMeasurement.Result result = new HitPathMeasurement(Duration.ofSeconds(seconds), rounds,
                        connections, System.out).run(server.baseUri(), adminToken);
                return result.ratio(HitPathMeasurement.Kind.NEAR_HIT) >= HitPathMeasurement.NEAR_TARGET ? 0 : 1;
            }
            OverheadMeasurement.Result result = new OverheadMeasurement(Duration.ofSeconds(seconds), rounds,
                    connections, System.out).run(server.baseUri(), server.instrumentation());
            return result.ratio() >= TARGET ? 0 : 1;
        }
    }

    private int positive(String flag, int value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), flag + " must be a positive integer");
        }
        return value;
    }
}
