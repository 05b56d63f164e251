package dev.cachedeck.model.monitor;

import java.time.Instant;
import java.util.List;

/**
 * One recent request and its waterfall, from {@code GET /admin/traces}. {@code id} grows with every traced request;
 * {@code instance} is the id of the server instance that answered it; {@code route} is the cached route's name or
 * {@code "METHOD /path/template"}.
 */
public record RequestTrace(long id, String instance, Instant at, String method, String route, String path,
                           int status, long totalMicros, int dbStatements, List<TraceSpan> spans) {
}
