package dev.cachedeck.server.cli;

import dev.cachedeck.server.ServerSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses {@code [serve] [--port N] [--data-dir DIR | --in-memory] [--scale F]} onto settings. */
public final class CommandLine {
    public static final String USAGE = """
            usage: java -jar cachedeck-server.jar [serve | help] [options]
                   java -jar cachedeck-server.jar bench [options]   (before/after scenario; bench --help)
                   java -jar cachedeck-server.jar overhead [--seconds N] [--rounds N] (see docs/metrics.md)
              --port N          port to listen on (0 picks a free one; default from application.yaml: 8080)
              --data-dir DIR    keep the H2 database in DIR (default ./data)
              --in-memory       keep the database in memory (sample data is loaded at every start)
              --scale F         sample-data scale on first start (1.0 = 10k users, 500k reviews)
              --help            print this text
            environment: REDIS_URL, CACHEDECK_ADMIN_TOKEN, CACHEDECK_JDBC_URL""";

    /** A parsed command: what to run and the settings to run it with. */
    public record Parsed(String command, ServerSettings settings) {
    }

    private CommandLine() {
    }

    public static Parsed parse(String[] args, ServerSettings defaults) {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = !rest.isEmpty() && !rest.getFirst().startsWith("--") ? rest.removeFirst() : "serve";
        if (command.equals("help") || rest.contains("--help")) {
            return new Parsed("help", defaults);
        }
        if (!command.equals("serve")) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        // Flags are one more configuration layer, on top of application.yaml and the environment.
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String flag = rest.get(i);
            switch (flag) {
                case "--in-memory" -> flags.put("cachedeck.data.in-memory", "true");
                case "--port" -> flags.put("server.port",
                        Integer.toString(intValue(flag, value(rest, ++i, flag), 0, 65535)));
                case "--data-dir" -> {
                    flags.put("cachedeck.data.dir", value(rest, ++i, flag));
                    flags.put("cachedeck.data.in-memory", "false");
                }
                case "--scale" -> flags.put("cachedeck.data.scale", Double.toString(scale(value(rest, ++i, flag))));
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return new Parsed(command, defaults.with(flags));
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int intValue(String flag, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be an integer from " + min + " to " + max);
    }

    private static double scale(String raw) {
        try {
            double value = Double.parseDouble(raw);
            if (value > 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "--scale must be a number above 0 and at most 100, got '%s'", raw));
    }
}
