package dev.cachedeck.server.bench;

import java.net.http.HttpRequest;

/**
 * One request of the workload, named by the route it exercises.
 *
 * @param signature method, path and body as text: what makes two requests the same request
 */
record PlannedRequest(String route, boolean write, String signature, HttpRequest request) {
}
