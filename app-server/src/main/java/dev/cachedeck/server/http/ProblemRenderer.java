package dev.cachedeck.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.api.Problem;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.store.ConstraintViolationException;
import dev.cachedeck.server.store.DatabaseUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place exceptions become {@code application/problem+json}; clients never see a stack trace. */
public final class ProblemRenderer {
    private static final Logger LOG = Logger.getLogger(ProblemRenderer.class.getName());

    private final ObjectMapper mapper;

    public ProblemRenderer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void register(HttpRouting.Builder routing) {
        routing.error(ApiProblem.class, this::send)
                .error(DatabaseUnavailableException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "database unavailable path=" + req.path().path(), e);
                    send(req, res, 503, "Service Unavailable", "the database is unavailable; try again shortly", List.of());
                })
                .error(CacheUnavailableException.class, (req, res, e) -> {
                    LOG.warning("redis unavailable path=" + req.path().path() + " reason=\"" + e.getMessage() + "\"");
                    send(req, res, 503, "Service Unavailable", "Redis is unavailable; try again shortly", List.of());
                })
                .error(ConstraintViolationException.class, (req, res, e) ->
                        send(req, res, 409, "Conflict", "the change conflicts with the current data; reload and retry", List.of()))
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "unhandled error path=" + req.path().path(), e);
                    send(req, res, 500, "Internal Server Error", "the server failed to handle this request", List.of());
                });
    }

    public void send(ServerRequest req, ServerResponse res, ApiProblem problem) {
        send(req, res, problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    public void send(ServerRequest req, ServerResponse res, int status, String title, String detail,
                     List<Problem.FieldError> errors) {
        // The absolute path: inside a service, path() lacks the /api or /admin prefix it is registered under.
        Problem problem = new Problem("about:blank", title, status, detail, req.path().absolute().path(), errors);
        try {
            byte[] body = mapper.writeValueAsBytes(problem);
            res.status(status);
            res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            // A HEAD gets the problem's length and no content, or the next response on the connection is misread.
            HeadRequests.response(req, res).send(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (ServerConnectionException e) {
            // The client went away (a reset) before its answer was written. Thrown from here, Helidon's error
            // handling would take it for a failing handler and log a WARNING with two stack traces; the
            // connection is dead either way, and its next read ends it.
            LOG.info(() -> "event=client-disconnect remote=" + req.remotePeer().host() + ":" + req.remotePeer().port()
                    + " phase=error-response status=" + status + " path=" + req.path().absolute().path());
        }
    }
}
