package dev.cachedeck.server.http;

import dev.cachedeck.model.api.Problem.FieldError;
import java.util.List;

/** A failure the client caused or must know about; rendered once, as problem+json, by {@link ProblemRenderer}. */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    private ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad Request", detail, List.of());
    }

    public static ApiProblem invalidFields(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(400, "Bad Request", detail, errors);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, List.of());
    }

    public static ApiProblem notFound(String entity, long id) {
        return new ApiProblem(404, "Not Found", entity + " " + id + " does not exist", List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, List.of());
    }

    public static ApiProblem noRoute(String path) {
        return new ApiProblem(404, "Not Found", "no resource at " + path, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of());
    }

    /** 421: the request named a host this server does not answer for. */
    public static ApiProblem misdirected(String detail) {
        return new ApiProblem(421, "Misdirected Request", detail, List.of());
    }

    public static ApiProblem payloadTooLarge(long limitBytes) {
        return new ApiProblem(413, "Content Too Large", "request body exceeds " + limitBytes + " bytes", List.of());
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "Unsupported Media Type", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
