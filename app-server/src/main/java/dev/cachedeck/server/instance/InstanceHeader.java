package dev.cachedeck.server.instance;

import dev.cachedeck.model.ApiPaths;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Names the answering instance in {@code X-CacheDeck-Instance} on every response that gets past the Host check:
 * set before the rest of the chain runs, it is on cached answers, 304s, HEAD answers and problems alike.
 */
public final class InstanceHeader implements Filter {
    private static final HeaderName NAME = HeaderNames.create(ApiPaths.HEADER_INSTANCE);

    private final InstanceIdentity identity;

    public InstanceHeader(InstanceIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(NAME, identity.id());
        chain.proceed();
    }
}
