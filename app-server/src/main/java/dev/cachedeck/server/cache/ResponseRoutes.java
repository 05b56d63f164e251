package dev.cachedeck.server.cache;

import io.helidon.webserver.http.RoutingRequest;
import java.util.Optional;
import java.util.Set;

/** Which requests the response tier may answer: the catalogue's cached routes, as the engine needs them. */
public interface ResponseRoutes {
    /** The cached route {@code req} is on, or empty when it is not a GET on one of them. */
    Optional<Route> match(RoutingRequest req);

    /**
     * A request on a cached route. {@code variant} identifies the answer within the route (canonical path
     * and query, and the caller on a personal route); it is empty when the request cannot be cached (a bad
     * parameter answers 400, a personal route without a valid token 401). {@code tags}: what the answer
     * depends on before any value is read.
     */
    record Route(String name, DataType type, boolean personal, Optional<String> variant, Set<String> tags) {
    }
}
