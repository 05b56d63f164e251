package dev.cachedeck.server.instance;

import dev.cachedeck.model.ApiPaths;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /admin/instances}: the instances registered in the shared Redis (see {@link InstanceRegistry}). */
public final class InstanceRoutes implements HttpService {
    private final InstanceRegistry registry;

    public InstanceRoutes(InstanceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(ApiPaths.ADMIN_INSTANCES.substring(ApiPaths.ADMIN.length()), (req, res) -> res.send(registry.list()));
    }
}
