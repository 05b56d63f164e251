package dev.cachedeck.desktop.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.desktop.connection.ServerConnection;
import dev.cachedeck.model.api.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Blocking calls to the server's admin API with the admin token; callers run them off the FX thread
 * (see {@link AdminTasks}). Bodies go through the shared CacheDeck mapper. Every failure becomes an
 * {@link AdminProblem} whose message says what went wrong in words, never a stack trace.
 */
public final class AdminClient {
    private final Supplier<Optional<ServerConnection>> server;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    /** {@code server} is asked on every call, so calls made before the embedded server listens fail politely. */
    public AdminClient(Supplier<Optional<ServerConnection>> server, Duration timeout, ObjectMapper mapper) {
        this.server = server;
        this.timeout = timeout;
        this.mapper = mapper;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public <T> T get(String path, Class<T> type) {
        return send(request(path).GET(), mapper.constructType(type));
    }

    public <T> T get(String path, TypeReference<T> type) {
        return send(request(path).GET(), mapper.constructType(type));
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send(request(path).PUT(json(body)), mapper.constructType(type));
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return send(request(path).POST(json(body)), mapper.constructType(type));
    }

    /** A POST that may legitimately take longer than the usual timeout (a rate-limited purge). */
    public <T> T post(String path, Object body, Class<T> type, Duration callTimeout) {
        return send(request(path).POST(json(body)).timeout(callTimeout), mapper.constructType(type));
    }

    /** DELETE whose answer body, if any, is read as {@code type}; {@code Void.class} ignores it. */
    public <T> T delete(String path, Class<T> type) {
        return send(request(path).DELETE(), mapper.constructType(type));
    }

    /** The base URI and bearer header for streaming calls that do not fit request/response. */
    public ServerConnection connection() {
        return server.get().orElseThrow(() -> new AdminProblem(0, "The server is not connected yet."));
    }

    private HttpRequest.Builder request(String path) {
        ServerConnection connection = connection();
        return HttpRequest.newBuilder(connection.baseUri().resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + connection.adminToken())
                .header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new AdminProblem(0, "The request could not be written: " + e.getMessage());
        }
    }

    private <T> T send(HttpRequest.Builder builder, JavaType type) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new AdminProblem(0, "The server does not answer at " + request.uri().getAuthority() + ".");
        } catch (HttpTimeoutException e) {
            throw new AdminProblem(0, "The server did not answer within "
                    + request.timeout().orElse(timeout).toSeconds() + " s.");
        } catch (IOException e) {
            throw new AdminProblem(0, "The connection to the server failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminProblem(0, "The call was interrupted.");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 300) {
                throw failure(request, response.statusCode(), body.readAllBytes());
            }
            byte[] bytes = body.readAllBytes();
            if (type.getRawClass() == Void.class || bytes.length == 0) {
                return null;
            }
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new AdminProblem(response.statusCode(),
                    "The server's answer to " + request.method() + " " + request.uri().getPath()
                            + " could not be read: " + e.getMessage());
        }
    }

    private AdminProblem failure(HttpRequest request, int status, byte[] body) {
        String what = request.method() + " " + request.uri().getPath();
        if (status == 401 || status == 403) {
            return new AdminProblem(status, "The server refused the admin token (HTTP " + status + ").");
        }
        Optional<Problem> problem = problem(body);
        // The server's router answers "no resource at GET /path" (NoRouteHandler); a 404 about an entity
        // ("key ... does not exist") is an answer from a route that exists.
        boolean noRoute = status == 405 || status == 404 && problem.map(Problem::detail)
                .map(detail -> detail.startsWith("no resource at")).orElse(true);
        if (noRoute) {
            return AdminProblem.unavailable(what);
        }
        return new AdminProblem(status, problem.map(AdminClient::describe)
                .orElse("The server answered HTTP " + status + " to " + what + "."));
    }

    private Optional<Problem> problem(byte[] body) {
        try {
            return Optional.of(mapper.readValue(body, Problem.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Problem problem) {
        StringBuilder text = new StringBuilder(problem.detail() != null && !problem.detail().isBlank()
                ? problem.detail() : problem.title());
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            text.append(": ").append(problem.errors().stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    /** A streaming GET with the admin token, for the live stats stream. */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path, Optional<String> lastEventId)
            throws IOException, InterruptedException {
        ServerConnection connection = connection();
        HttpRequest.Builder builder = HttpRequest.newBuilder(connection.baseUri().resolve(path))
                .header("Authorization", "Bearer " + connection.adminToken())
                .header("Accept", "text/event-stream");
        lastEventId.ifPresent(id -> builder.header("Last-Event-ID", id));
        return http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofLines());
    }
}
