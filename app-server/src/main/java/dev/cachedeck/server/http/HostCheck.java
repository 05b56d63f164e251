package dev.cachedeck.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Answers only requests whose {@code Host} names this server: the loopback names and addresses, the address it
 * binds to when that is not a wildcard, and the names configured in {@code cachedeck.http.allowed-hosts}. A web
 * page that points its own name at 127.0.0.1 (DNS rebinding) sends its own name as the Host, and gets 421
 * instead of the health details, the metrics or anything a browser could read from a loopback server.
 */
public final class HostCheck implements Filter {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private final Set<String> allowed;
    private final ProblemRenderer problems;

    public HostCheck(String bindHost, List<String> allowedHosts, ProblemRenderer problems) {
        this.problems = problems;
        Set<String> names = new HashSet<>(LOOPBACK);
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            names.add(normalize(bindHost));
        }
        allowedHosts.forEach(name -> names.add(normalize(name)));
        this.allowed = Set.copyOf(names);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> host = req.headers().first(HeaderNames.HOST);
        String name = host.map(HostCheck::hostName).orElse("");
        if (host.isEmpty()) {
            refuse(req, res, ApiProblem.badRequest("a Host header is required"));
        } else if (!allowed.contains(name) && !name.endsWith(".localhost")) {
            refuse(req, res, ApiProblem.misdirected("this server does not answer for host '" + abbreviate(host.get())
                    + "'; add it to cachedeck.http.allowed-hosts if it is this server's name"));
        } else {
            chain.proceed();
        }
    }

    /** Answered here rather than thrown, so the filters around this one see a sent response, as after any route. */
    private void refuse(RoutingRequest req, RoutingResponse res, ApiProblem problem) {
        problems.send(req, res, problem);
    }

    /** The name without port and without the brackets of an IPv6 literal, lower case. */
    static String hostName(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return normalize(close < 0 ? value : value.substring(1, close));
        }
        int colon = value.lastIndexOf(':');
        return normalize(colon >= 0 && value.indexOf(':') == colon ? value.substring(0, colon) : value);
    }

    private static String normalize(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        String unbracketed = lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
        return unbracketed.endsWith(".") ? unbracketed.substring(0, unbracketed.length() - 1) : unbracketed;
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 60 ? raw : raw.substring(0, 60) + "…";
    }
}
