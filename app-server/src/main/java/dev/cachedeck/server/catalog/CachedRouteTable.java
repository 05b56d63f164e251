package dev.cachedeck.server.catalog;

import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.auth.Principal;
import dev.cachedeck.server.cache.ResponseRoutes;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.webserver.http.RoutingRequest;
import java.util.List;
import java.util.Optional;

/** The six cached routes as the response tier sees them: which one a request is on, and its key variant. */
public final class CachedRouteTable implements ResponseRoutes {
    private final List<CachedRoute> routes = CachedRoute.all();
    private final RequestReader reader;
    private final Authenticator authenticator;

    public CachedRouteTable(RequestReader reader, Authenticator authenticator) {
        this.reader = reader;
        this.authenticator = authenticator;
    }

    @Override
    public Optional<Route> match(RoutingRequest req) {
        String path = req.path().path();
        for (CachedRoute route : routes) {
            Optional<Long> id = route.match(path);
            if (id.isPresent()) {
                return Optional.of(new Route(route.name(), route.type(), route.personal(),
                        variant(route, id.get(), req), Tag.values(route.tags().apply(id.get()))));
            }
        }
        return Optional.empty();
    }

    /** Canonical path and query, with the caller's identity on a personal route. */
    private Optional<String> variant(CachedRoute route, long id, RoutingRequest req) {
        Optional<String> normalized = route.normalized(id, req, reader);
        if (normalized.isEmpty() || !route.personal()) {
            return normalized;
        }
        // No valid token: the route answers 401, which is not cached.
        return authenticator.identify(req).map(Principal::label).map(principal -> normalized.get() + "#" + principal);
    }
}
