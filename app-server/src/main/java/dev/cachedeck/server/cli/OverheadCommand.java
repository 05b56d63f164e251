package dev.cachedeck.server.cli;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import dev.cachedeck.server.metrics.OverheadMeasurement;
import java.time.Duration;
import java.util.List;

/**
 * {@code cachedeck-server.jar overhead [--seconds N] [--rounds N] [--connections N] [--scale F]}: runs
 * {@link OverheadMeasurement} on an in-memory server and prints each round and the ratio; exit code 0 when the ratio
 * reaches 0.95, 1 when it does not.
 */
public final class OverheadCommand {
    public static final String USAGE = """
            usage: java -jar cachedeck-server.jar overhead [--seconds N] [--rounds N] [--connections N] [--scale F]
              --seconds N       length of each round (default 5)
              --rounds N        pairs of rounds, instrumentation on and off alternately (default 5)
              --connections N   concurrent kept-alive client connections (default 4)
              --scale F         sample-data scale of the in-memory database (default 0.05)""";
    private static final double TARGET = 0.95;

    private OverheadCommand() {
    }

    /** Runs the measurement; returns the process exit code. */
    public static int run(List<String> args, ServerSettings defaults) throws Exception {
        int seconds = 5;
        int rounds = 5;
        int connections = 4;
        double scale = 0.05;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            String value = i + 1 < args.size() ? args.get(++i) : "";
            switch (flag) {
                case "--seconds" -> seconds = positive(flag, value);
                case "--rounds" -> rounds = positive(flag, value);
                case "--connections" -> connections = positive(flag, value);
                case "--scale" -> scale = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'\n" + USAGE);
            }
        }
        ServerSettings settings = defaults.withInMemory(true).withScale(scale).withPort(0);
        try (CacheDeckServer server = CacheDeckServer.start(settings)) {
            OverheadMeasurement.Result result = new OverheadMeasurement(Duration.ofSeconds(seconds), rounds,
                    connections, System.out).run(server.baseUri(), server.instrumentation());
            return result.ratio() >= TARGET ? 0 : 1;
        }
    }

    private static int positive(String flag, String raw) {
        try {
            int value = Integer.parseInt(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive integer\n" + USAGE);
    }
}
