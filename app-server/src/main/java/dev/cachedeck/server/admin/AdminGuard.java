package dev.cachedeck.server.admin;

import dev.cachedeck.server.auth.Authenticator;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one admin check: registered first under {@code /admin}, it answers 401 or 403 unless the admin token
 * is presented, before any admin service sees the request. The services themselves never check.
 */
public final class AdminGuard implements HttpService {
    private final Authenticator authenticator;

    public AdminGuard(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::requireAdmin);
    }

    private void requireAdmin(ServerRequest req, ServerResponse res) {
        authenticator.requireAdmin(req);
        res.next();
    }
}
