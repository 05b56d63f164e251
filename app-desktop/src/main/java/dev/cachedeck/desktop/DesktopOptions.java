package dev.cachedeck.desktop;

import dev.cachedeck.server.ServerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the desktop app was asked to do: watch running servers ({@code --server}, once per server of a fleet; the
 * first one is the one the Traces, Keys, Control and Demo tabs talk to), or start one in-process with the embedded
 * options, in a window or ({@code --headless}) without one.
 */
public record DesktopOptions(List<URI> servers, Optional<String> adminToken, boolean inMemory,
                             OptionalDouble scale, int port, Optional<Path> dataDir, boolean headless, boolean help) {
    private static final String TOKEN_ENV = "CACHEDECK_ADMIN_TOKEN";

    /** The command line as picocli reads it; {@link #parse} checks what picocli cannot and builds the record. */
    @Command(name = "cachedeck desktop", sortOptions = false, usageHelpWidth = 110,
            description = "Opens the CacheDeck window on an embedded server (H2 and Redis in this process) or on a "
                    + "running one.")
    private static final class Arguments {
        @Option(names = "--server", paramLabel = "URL", description = "watch a running server instead of starting "
                + "one in-process; repeat it to watch several instances (the instances a server knows of are found "
                + "without it)")
        List<URI> servers = List.of();
        @Option(names = "--admin-token", paramLabel = "T", description = "the server's admin token (default: "
                + TOKEN_ENV + "; the embedded server generates one when neither is given)")
        String adminToken;
        @Option(names = "--in-memory", description = "embedded server: keep the database in memory")
        boolean inMemory;
        @Option(names = "--scale", paramLabel = "F",
                description = "embedded server: sample-data scale on first start (1.0 = 10k users, 500k reviews)")
        Double scale;
        @Option(names = "--port", paramLabel = "N",
                description = "embedded server: port to listen on (default 0, a free one)")
        Integer port;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "embedded server: where the database is kept "
                + "(default: the user's data folder, ~/.local/share/cachedeck on Linux)")
        Path dataDir;
        @Option(names = "--headless", description = "embedded server only, no window: print the URL, run until "
                + "stopped (Ctrl+C)")
        boolean headless;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
        boolean help;
    }

    /** The options and what each one does. */
    public static String usage() {
        return new CommandLine(new Arguments()).getUsageMessage();
    }

    /** Parses the command line; {@code env} supplies the admin token when no flag does. */
    public static DesktopOptions parse(List<String> args, Map<String, String> env) {
        Arguments parsed = new Arguments();
        try {
            new CommandLine(parsed).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<URI> servers = parsed.servers.stream().map(DesktopOptions::checkedUrl).distinct().toList();
        Optional<String> token = Optional.ofNullable(parsed.adminToken)
                .or(() -> Optional.ofNullable(env.get(TOKEN_ENV)).map(String::trim).filter(t -> !t.isEmpty()));
        if (parsed.scale != null && !(parsed.scale > 0 && parsed.scale <= 100)) {
            throw new IllegalArgumentException("--scale must be a number above 0 and at most 100, got " + parsed.scale);
        }
        if (parsed.port != null && (parsed.port < 0 || parsed.port > 65535)) {
            throw new IllegalArgumentException("--port must be an integer from 0 to 65535, got " + parsed.port);
        }
        boolean embeddedOnly = parsed.inMemory || parsed.scale != null || parsed.port != null || parsed.dataDir != null
                || parsed.headless;
        if (!servers.isEmpty() && embeddedOnly) {
            throw new IllegalArgumentException("--in-memory, --scale, --port, --data-dir and --headless configure the "
                    + "embedded server; they cannot be combined with --server");
        }
        if (!servers.isEmpty() && token.isEmpty()) {
            throw new IllegalArgumentException("--server needs --admin-token (or " + TOKEN_ENV + ")");
        }
        return new DesktopOptions(servers, token, parsed.inMemory,
                parsed.scale == null ? OptionalDouble.empty() : OptionalDouble.of(parsed.scale),
                parsed.port == null ? 0 : parsed.port, Optional.ofNullable(parsed.dataDir), parsed.headless,
                parsed.help);
    }

    /**
     * The embedded server's settings: the server's own defaults with these options on top, the database in
     * {@code --data-dir} or else in {@code userDataFolder}.
     */
    public ServerSettings embeddedSettings(ServerSettings defaults, Path userDataFolder) {
        ServerSettings settings = defaults.withPort(port).withDataDir(dataDir.orElse(userDataFolder));
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

    private static URI checkedUrl(URI uri) {
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
            return uri;
        }
        throw new IllegalArgumentException("--server must be an http(s) URL such as http://127.0.0.1:8080, got '"
                + uri + "'");
    }
}
