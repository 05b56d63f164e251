package dev.cachedeck.sample;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What {@link SampleDataCli} was asked to do: which dataset, and where it goes. */
record CliOptions(DatasetSpec spec, Target target) {
    private static final Set<String> OPTIONS = Set.of("--csv-dir", "--jdbc-url", "--user", "--password", "--seed", "--scale");

    sealed interface Target permits CsvTarget, JdbcTarget {
    }

    record CsvTarget(Path dir) implements Target {
    }

    /** User and password are null when not given, leaving them to the URL or the driver's defaults. */
    record JdbcTarget(String url, String user, String password) implements Target {
    }

    /** Parses {@code --name value} pairs; throws IllegalArgumentException with a message naming the problem. */
    static CliOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.putIfAbsent(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        DatasetSpec spec = DatasetSpec.of(seed(values.get("--seed")), scale(values.get("--scale")));
        return new CliOptions(spec, target(values));
    }

    private static Target target(Map<String, String> values) {
        String dir = values.get("--csv-dir");
        String url = values.get("--jdbc-url");
        if ((dir == null) == (url == null)) {
            throw new IllegalArgumentException("give exactly one of --csv-dir and --jdbc-url");
        }
        if (dir != null) {
            if (values.containsKey("--user") || values.containsKey("--password")) {
                throw new IllegalArgumentException("--user and --password go with --jdbc-url, not --csv-dir");
            }
            return new CsvTarget(Path.of(dir));
        }
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--jdbc-url must start with jdbc:, got " + url);
        }
        return new JdbcTarget(url, values.get("--user"), values.get("--password"));
    }

    private static long seed(String value) {
        try {
            return value == null ? DatasetSpec.DEFAULT_SEED : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got " + value, e);
        }
    }

    private static double scale(String value) {
        try {
            return value == null ? DatasetSpec.DEFAULT_SCALE : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--scale must be a number, got " + value, e);
        }
    }
}
