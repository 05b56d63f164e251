package dev.cachedeck.server.bench;

import java.net.http.HttpRequest;

/** One request of the workload, named by the route it exercises. */
record PlannedRequest(String route, boolean write, HttpRequest request) {
}
