package dev.cachedeck.desktop;

import dev.cachedeck.server.ServerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the desktop app was asked to do: watch a running server ({@code --server}), or start one
 * in-process with the embedded options.
 */
public record DesktopOptions(Optional<URI> server, Optional<String> adminToken, boolean inMemory,
                             OptionalDouble scale, int port, boolean help) {
    public static final String USAGE = """
            usage: cachedeck desktop [--server URL --admin-token T] [--in-memory] [--scale F] [--port N] [--help]
              --server URL       watch a running server instead of starting one in-process
              --admin-token T    the server's admin token (default: CACHEDECK_ADMIN_TOKEN; the embedded
                                 server generates one when neither is given)
              --in-memory        embedded server: keep the database in memory
              --scale F          embedded server: sample-data scale on first start (1.0 = 10k users, 500k reviews)
              --port N           embedded server: port to listen on (default 0, a free one)
              --help             print this text""";

    private static final String TOKEN_ENV = "CACHEDECK_ADMIN_TOKEN";

    /** Parses the command line; {@code env} supplies the admin token when no flag does. */
    public static DesktopOptions parse(List<String> args, Map<String, String> env) {
        Optional<URI> server = Optional.empty();
        Optional<String> token = Optional.ofNullable(env.get(TOKEN_ENV)).map(String::trim).filter(t -> !t.isEmpty());
        boolean inMemory = false;
        OptionalDouble scale = OptionalDouble.empty();
        Optional<Integer> port = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--server" -> server = Optional.of(url(value(args, ++i, flag)));
                case "--admin-token" -> token = Optional.of(value(args, ++i, flag));
                case "--in-memory" -> inMemory = true;
                case "--scale" -> scale = OptionalDouble.of(scale(value(args, ++i, flag)));
                case "--port" -> port = Optional.of(port(value(args, ++i, flag)));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (server.isPresent() && (inMemory || scale.isPresent() || port.isPresent())) {
            throw new IllegalArgumentException("--in-memory, --scale and --port configure the embedded server; "
                    + "they cannot be combined with --server");
        }
        if (server.isPresent() && token.isEmpty()) {
            throw new IllegalArgumentException("--server needs --admin-token (or " + TOKEN_ENV + ")");
        }
        return new DesktopOptions(server, token, inMemory, scale, port.orElse(0), help);
    }

    /** The embedded server's settings: the server's own defaults with these options on top. */
    public ServerSettings embeddedSettings(ServerSettings defaults) {
        ServerSettings settings = defaults.withPort(port);
        if (inMemory) {
            settings = settings.withInMemory(true);
        }
        if (scale.isPresent()) {
            settings = settings.withScale(scale.getAsDouble());
        }
        if (adminToken.isPresent()) {
            settings = settings.withAdminToken(adminToken.get());
        }
        return settings;
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static URI url(String raw) {
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Same message as a well-formed URI that is not http(s).
        }
        throw new IllegalArgumentException("--server must be an http(s) URL such as http://127.0.0.1:8080, got '"
                + raw + "'");
    }

    private static double scale(String raw) {
        try {
            double value = Double.parseDouble(raw);
            if (value > 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Same message as an out-of-range number.
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "--scale must be a number above 0 and at most 100, got '%s'", raw));
    }

    private static int port(String raw) {
        try {
            int value = Integer.parseInt(raw);
            if (value >= 0 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Same message as an out-of-range number.
        }
        throw new IllegalArgumentException("--port must be an integer from 0 to 65535, got '" + raw + "'");
    }
}
