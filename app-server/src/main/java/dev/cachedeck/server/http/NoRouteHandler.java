package dev.cachedeck.server.http;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Registered last: any request no route matched gets a 404 problem instead of Helidon's plain-text page. */
public final class NoRouteHandler implements Handler {
    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        throw ApiProblem.noRoute(req.prologue().method().text() + " " + req.path().path());
    }
}
