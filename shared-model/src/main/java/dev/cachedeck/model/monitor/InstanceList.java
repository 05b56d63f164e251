package dev.cachedeck.model.monitor;

import java.util.List;

/**
 * {@code GET /admin/instances}: the instances whose registration is live in the shared Redis, ordered by id.
 *
 * @param answeredBy the id of the instance that answered
 * @param partial    true when Redis could not be asked: {@code instances} then holds the answering instance alone
 * @param instances  every live registration (the answering instance's included)
 */
public record InstanceList(String answeredBy, boolean partial, List<InstanceInfo> instances) {
    public InstanceList {
        instances = List.copyOf(instances);
    }
}
