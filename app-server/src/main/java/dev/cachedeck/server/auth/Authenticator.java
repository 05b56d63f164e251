package dev.cachedeck.server.auth;

import dev.cachedeck.server.http.ApiProblem;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <token>} to a {@link Principal}: the admin token, or a
 * user's own token. User tokens never change at runtime, so they are read once at start.
 */
public final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final byte[] adminToken;
    private final Map<String, Long> userIdsByToken;

    public Authenticator(String adminToken, Map<String, Long> userIdsByToken) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.userIdsByToken = Map.copyOf(userIdsByToken);
    }

    /** The caller, or 401 when no valid token is presented. */
    public Principal require(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION)
                .orElseThrow(() -> ApiProblem.unauthorized("send Authorization: Bearer <token>"));
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblem.unauthorized("the Authorization header must use the Bearer scheme");
        }
        return resolve(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> ApiProblem.unauthorized("the bearer token is not valid"));
    }

    /** The caller when a valid bearer token is presented; never fails (routes decide whether one is needed). */
    public Optional<Principal> identify(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .flatMap(header -> resolve(header.substring(BEARER.length()).trim()));
    }

    public Optional<Principal> resolve(String token) {
        // Constant-time comparison, so response timing does not reveal how much of the admin token matched.
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Principal.ofAdmin());
        }
        return Optional.ofNullable(userIdsByToken.get(token)).map(Principal::ofUser);
    }

    /** The admin, or 401 without a valid token and 403 with a user's token. */
    public Principal requireAdmin(ServerRequest req) {
        Principal principal = require(req);
        if (!principal.admin()) {
            throw ApiProblem.forbidden("this needs the admin token");
        }
        return principal;
    }
}
