package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.ScenarioSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Options of the {@code bench} command.
 *
 * @param server where to run (empty: start an embedded in-memory server of {@code scale})
 * @param token  admin token of {@code server}
 */
public record BenchOptions(Optional<URI> server, Optional<String> token, ScenarioSpec spec, double scale, Path out) {

    public static final String USAGE = """
            usage: java -jar cachedeck-server.jar bench [options]
              --server URL        run against this server's admin API (loopback only); default: an embedded
                                  in-memory server started for the run
              --token T           admin token of --server (default: env CACHEDECK_ADMIN_TOKEN)
              --duration S        measured seconds per phase (default 20)
              --warmup S          uncounted seconds before each phase except cold (default 5)
              --rate R            requests per second, open loop (default 500)
              --capacity S        closed-loop capacity run after each phase's window, 0 for none (default 5)
              --concurrency N     most requests in flight (default 64)
              --write-percent P   share of writes (default 5)
              --skew Z            Zipf exponent for users and jobs (default 1.0)
              --db-delay-ms D     simulated delay per database statement (default 0)
              --phases LIST       comma-separated from off,cold,warm,redis-down (default off,cold,warm)
              --seed N            seed of the request sequence (default 42)
              --scale F           data scale of the embedded server (default 1.0)
              --out DIR           where report.json and report.html go (default bench-report)""";

    public static BenchOptions parse(List<String> args, Optional<String> envToken) {
        ScenarioSpec d = ScenarioSpec.defaults();
        Optional<URI> server = Optional.empty();
        Optional<String> token = envToken;
        List<PhaseName> phases = d.phases();
        double duration = d.phaseSeconds();
        double warmup = d.warmupSeconds();
        int rate = d.ratePerSecond();
        int concurrency = d.concurrency();
        int writePercent = d.writePercent();
        double skew = d.zipfSkew();
        double delay = d.dbDelayMillis();
        long seed = d.seed();
        double capacity = d.capacitySeconds();
        double scale = 1.0;
        Path out = Path.of("bench-report");
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            String value = i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--server" -> server = Optional.of(URI.create(value));
                case "--token" -> token = Optional.of(value);
                case "--duration" -> duration = number(flag, value);
                case "--warmup" -> warmup = number(flag, value);
                case "--rate" -> rate = (int) number(flag, value);
                case "--concurrency" -> concurrency = (int) number(flag, value);
                case "--write-percent" -> writePercent = (int) number(flag, value);
                case "--skew" -> skew = number(flag, value);
                case "--db-delay-ms" -> delay = number(flag, value);
                case "--phases" -> phases = phases(value);
                case "--capacity" -> capacity = number(flag, value);
                case "--seed" -> seed = (long) number(flag, value);
                case "--scale" -> scale = number(flag, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (server.isPresent() && token.isEmpty()) {
            throw new IllegalArgumentException("--server needs --token or CACHEDECK_ADMIN_TOKEN");
        }
        server.ifPresent(LoadGenerator::requireLoopback);
        return new BenchOptions(server, token, new ScenarioSpec(phases, duration, warmup, rate, concurrency,
                writePercent, skew, delay, seed, capacity), scale, out);
    }

    private static double number(String flag, String raw) {
        try {
            double value = Double.parseDouble(raw);
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a non-negative number, got '" + raw + "'");
    }

    private static List<PhaseName> phases(String raw) {
        List<PhaseName> phases = new ArrayList<>();
        for (String name : raw.split(",")) {
            phases.add(PhaseName.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown phase '" + name + "' (off, cold, warm, redis-down)")));
        }
        return phases;
    }
}
