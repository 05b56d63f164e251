package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.Population;
import dev.cachedeck.model.monitor.InstanceInfo;
import dev.cachedeck.model.monitor.InstanceList;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's switches for every instance of a fleet. Through a load balancer each admin call reaches one
 * instance, so a phase would switch the cache off on one and leave it on at the others: the instances are found
 * in {@code GET /admin/instances} and each switch goes to every one. What the instances share (the database's
 * population, the Redis a pause stops) is asked of the server the bench was given.
 */
final class FleetAdminServer implements ScenarioServer {
    private final AdminApiServer entry;
    private final List<AdminApiServer> instances;

    private FleetAdminServer(AdminApiServer entry, List<AdminApiServer> instances) {
        this.entry = entry;
        this.instances = List.copyOf(instances);
    }

    /**
     * The fleet behind {@code server}: every registered instance, or {@code server} alone when it knows of no
     * other (one server, or a list it could not read from Redis).
     */
    static ScenarioServer of(URI server, String adminToken) {
        AdminApiServer entry = new AdminApiServer(server, adminToken);
        InstanceList registered = entry.instances();
        if (registered.partial() || registered.instances().size() < 2) {
            return entry;
        }
        List<AdminApiServer> instances = new ArrayList<>();
        for (InstanceInfo instance : registered.instances()) {
            instances.add(new AdminApiServer(URI.create(instance.url()), adminToken));
        }
        return new FleetAdminServer(entry, instances);
    }

    @Override
    public Population population() {
        return entry.population();
    }

    @Override
    public Saved save() {
        return entry.save();
    }

    @Override
    public void restore(Saved saved) {
        instances.forEach(instance -> instance.restore(saved));
    }

    @Override
    public void setDbDelay(Duration delay) {
        instances.forEach(instance -> instance.setDbDelay(delay));
    }

    @Override
    public void setCacheEnabled(boolean enabled) {
        instances.forEach(instance -> instance.setCacheEnabled(enabled));
    }

    /** The first flush empties the shared Redis; each instance's own flush also empties its near tier. */
    @Override
    public void flushCache() {
        instances.forEach(AdminApiServer::flushCache);
    }

    @Override
    public void pauseRedis(Duration length) {
        entry.pauseRedis(length);
    }

    @Override
    public boolean awaitCacheRecovered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (AdminApiServer instance : instances) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!instance.awaitCacheRecovered(left)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void mark(String label) {
        instances.forEach(instance -> instance.mark(label));
    }
}
