package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Options of the {@code bench} command, parsed with picocli (typed options, generated usage).
 *
 * @param server   where to run (empty: start an embedded in-memory server of {@code scale})
 * @param token    admin token of {@code server}
 * @param inServer generate the load inside the server's process ({@code POST /admin/bench}) instead of this one
 * @param repeat   how many times to run the scenario (1: once, no spread)
 * @param trafficOut when present, write a phase's measured window of requests there instead of running
 */
public record BenchOptions(Optional<URI> server, Optional<String> token, ScenarioSpec spec, double scale, Path out,
                           boolean inServer, int repeat, Optional<Path> trafficOut) {

    public static String usage() {
        return new CommandLine(new Flags()).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    /** Parses {@code args}; an IllegalArgumentException names what is wrong (the caller exits with 2). */
    public static BenchOptions parse(List<String> args, Optional<String> envToken) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (double value : new double[] {flags.duration, flags.warmup, flags.capacity, flags.skew, flags.dbDelayMillis,
                flags.scale, flags.rate, flags.concurrency, flags.writePercent}) {
            if (value < 0 || !Double.isFinite(value)) {
                throw new IllegalArgumentException("numbers must be non-negative, got " + value);
            }
        }
        if (flags.repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1");
        }
        Optional<URI> server = Optional.ofNullable(flags.server);
        Optional<String> token = Optional.ofNullable(flags.token).or(() -> envToken);
        if (server.isPresent() && token.isEmpty()) {
            throw new IllegalArgumentException("--server needs --token or CACHEDECK_ADMIN_TOKEN");
        }
        if (flags.inServer && server.isEmpty()) {
            throw new IllegalArgumentException("--in-server needs --server");
        }
        if (flags.trafficOut != null && flags.rate == ScenarioSpec.CALIBRATE) {
            throw new IllegalArgumentException("--traffic-out needs --rate: the window is rate x duration requests");
        }
        server.ifPresent(LoadTarget::requireLoopback);
        return new BenchOptions(server, token, new ScenarioSpec(phases(flags.phases), flags.duration, flags.warmup,
                flags.rate, flags.concurrency, flags.writePercent, flags.skew, flags.dbDelayMillis, flags.seed,
                flags.capacity), flags.scale, flags.out, flags.inServer, flags.repeat,
                Optional.ofNullable(flags.trafficOut));
    }

    private static List<PhaseName> phases(String raw) {
        List<PhaseName> phases = new ArrayList<>();
        for (String name : raw.split(",")) {
            phases.add(PhaseName.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown phase '" + name + "' (off, cold, warm, redis-down)")));
        }
        return phases;
    }

    /** The flags as picocli fills them; defaults are {@link ScenarioSpec#defaults()}. */
    @Command(name = "java -jar cachedeck-server.jar bench", sortOptions = false,
            description = "Runs the before/after scenario and writes DIR/report.json and DIR/report.html.")
    static final class Flags {
        private static final ScenarioSpec DEFAULTS = ScenarioSpec.defaults();

        @Option(names = "--server", paramLabel = "URL", description = "run against this server (loopback only); "
                + "default: an embedded in-memory server started for the run")
        URI server;
        @Option(names = "--token", paramLabel = "T", description = "admin token of --server (default: env "
                + "CACHEDECK_ADMIN_TOKEN)")
        String token;
        @Option(names = "--in-server", description = "generate the load inside the server's process "
                + "(POST /admin/bench, as the desktop Demo does) instead of this command's own")
        boolean inServer;
        @Option(names = "--duration", paramLabel = "S", description = "measured seconds per phase (default 20)")
        double duration = DEFAULTS.phaseSeconds();
        @Option(names = "--warmup", paramLabel = "S", description = "uncounted seconds before each phase except cold "
                + "(default 5)")
        double warmup = DEFAULTS.warmupSeconds();
        @Option(names = "--rate", paramLabel = "R", description = "requests per second, open loop; default: probe "
                + "the cache-off capacity first and use about half of it")
        int rate = DEFAULTS.ratePerSecond();
        @Option(names = "--capacity", paramLabel = "S", description = "closed-loop capacity run after each phase's "
                + "window, and of the ceiling (/api/ping), 0 for none (default 5)")
        double capacity = DEFAULTS.capacitySeconds();
        @Option(names = "--concurrency", paramLabel = "N", description = "connections, the most requests in flight "
                + "(default 64)")
        int concurrency = DEFAULTS.concurrency();
        @Option(names = "--write-percent", paramLabel = "P", description = "share of writes (default 5)")
        int writePercent = DEFAULTS.writePercent();
        @Option(names = "--skew", paramLabel = "Z", description = "Zipf exponent for users and jobs (default 1.0)")
        double skew = DEFAULTS.zipfSkew();
        @Option(names = "--db-delay-ms", paramLabel = "D", description = "simulated delay per database statement "
                + "(default 0)")
        double dbDelayMillis = DEFAULTS.dbDelayMillis();
        @Option(names = "--phases", paramLabel = "LIST", description = "comma-separated from off,cold,warm,redis-down "
                + "(default off,cold,warm)")
        String phases = "off,cold,warm";
        @Option(names = "--seed", paramLabel = "N", description = "seed of the request sequence (default 42)")
        long seed = DEFAULTS.seed();
        @Option(names = "--scale", paramLabel = "F", description = "data scale of the embedded server (default 1.0)")
        double scale = 1.0;
        @Option(names = "--repeat", paramLabel = "N", description = "run the scenario N times and report the median "
                + "and spread of every ratio (default 1)")
        int repeat = 1;
        @Option(names = "--out", paramLabel = "DIR", description = "where report.json and report.html go "
                + "(default bench-report)")
        Path out = Path.of("bench-report");
        @Option(names = "--traffic-out", paramLabel = "FILE", description = "write the requests of a phase's "
                + "measured window (rate x duration, one 'METHOD path [json]' a line) to FILE and exit, to send the "
                + "same traffic with another tool (scripts/bench-vs-wrk.sh)")
        Path trafficOut;
        @Option(names = "--help", usageHelp = true, description = "print this text")
        boolean help;
    }
}
