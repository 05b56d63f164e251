package dev.cachedeck.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.api.Problem;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the errors Helidon raises before routing (malformed request line, a body over the
 * server's payload limit) as problem+json too. The transport's message is not echoed: it can
 * carry parser internals.
 */
public final class ProblemDirectHandler implements DirectHandler {
    private final ObjectMapper mapper;

    public ProblemDirectHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public DirectHandlers handlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, this);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType reported, Status reportedStatus,
                                    ServerResponseHeaders headers, String message) {
        // Helidon 4.5.0 reports a request line it cannot parse (a control character in the method token) as an
        // internal error raised before any request existed: that is the client's malformed input, a 400.
        boolean unparsed = reported == EventType.INTERNAL_ERROR
                && request.method().equals(TransportRequest.empty().method());
        EventType eventType = unparsed ? EventType.BAD_REQUEST : reported;
        Status status = unparsed ? Status.BAD_REQUEST_400 : reportedStatus;
        Problem problem = new Problem("about:blank", status.reasonPhrase(), status.code(), detail(eventType),
                request.path(), List.of());
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = status.reasonPhrase().getBytes(StandardCharsets.UTF_8);
        }
        TransportResponse.Builder response = TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .keepAlive(eventType.keepAlive());
        // RFC 9110 9.3.2: an answer to HEAD has no content (Helidon 4.5.0 writes whatever entity it is given).
        return request.method().equals(Method.HEAD.text()) ? response.build() : response.entity(body).build();
    }

    private static String detail(EventType eventType) {
        return switch (eventType) {
            case BAD_REQUEST -> "the request could not be parsed";
            case PAYLOAD_TOO_LARGE -> "the request body is larger than the server accepts";
            case HTTP_VERSION_NOT_SUPPORTED -> "use HTTP/1.1";
            case FORBIDDEN -> "the request is not allowed";
            case INTERNAL_ERROR, OTHER -> "the server failed to handle this request";
        };
    }
}
