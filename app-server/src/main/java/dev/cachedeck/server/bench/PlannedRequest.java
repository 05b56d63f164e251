package dev.cachedeck.server.bench;

import dev.cachedeck.server.loadgen.LoadRequest;

/**
 * One request of the workload, named by the route it exercises.
 *
 * @param signature method, path and body as text: what makes two requests the same request
 */
record PlannedRequest(String route, boolean write, String signature, LoadRequest request) {
}
