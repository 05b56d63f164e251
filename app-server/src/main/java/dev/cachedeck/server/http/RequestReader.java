package dev.cachedeck.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cachedeck.model.api.Problem.FieldError;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.HttpMediaTypes;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parses and checks what a request carries: ids, paging and JSON bodies. Everything wrong becomes a 4xx problem. */
public final class RequestReader {
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.*)'");
    private final ObjectMapper mapper;
    private final ApiLimits limits;

    /** Bodies are read with a strict copy of {@code mapper} (see {@link RequestBodyMapper}). */
    public RequestReader(ObjectMapper mapper, ApiLimits limits) {
        this.mapper = RequestBodyMapper.strict(mapper);
        this.limits = limits;
    }

    /** A path parameter that must be a positive 64-bit id. */
    public long id(ServerRequest req, String name) {
        return positiveId(name, req.path().pathParameters().get(name));
    }

    public static long positiveId(String name, String raw) {
        try {
            long value = RequestNumbers.parseLong(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as zero or negative
        }
        throw ApiProblem.invalidFields(List.of(new FieldError(name, "must be a positive integer id, got '" + abbreviate(raw) + "'")));
    }

    public Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional();
    }

    public PageRequest page(ServerRequest req) {
        int size = intParam(req, "size", limits.defaultPageSize(), 1, limits.maxPageSize());
        int number = intParam(req, "page", 0, 0, limits.maxPageNumber());
        return new PageRequest(number, size);
    }

    private int intParam(ServerRequest req, String name, int fallback, int min, int max) {
        Optional<String> raw = query(req, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = RequestNumbers.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiProblem.invalidFields(List.of(new FieldError(name,
                "must be an integer from " + min + " to " + max + ", got '" + abbreviate(raw.get()) + "'")));
    }

    /** Reads a JSON body into {@code type}, refusing other media types, oversize bodies and malformed JSON. */
    public <T> T body(ServerRequest req, Class<T> type) {
        requireJson(req);
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > limits.maxBodyBytes()) {
            throw ApiProblem.payloadTooLarge(limits.maxBodyBytes());
        }
        byte[] bytes = readBounded(req);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("a JSON body is required");
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw ApiProblem.badRequest("the JSON body must be an object, not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw describe(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireJson(ServerRequest req) {
        Optional<HttpMediaType> contentType = req.headers().contentType();
        if (contentType.isPresent() && !contentType.get().test(HttpMediaTypes.JSON_UTF_8.mediaType())) {
            throw ApiProblem.unsupportedMediaType("send the body as application/json, not " + contentType.get().text());
        }
        if (contentType.isEmpty() && req.headers().contains(HeaderNames.CONTENT_LENGTH)
                && req.headers().contentLength().orElse(0) > 0) {
            throw ApiProblem.unsupportedMediaType("send the body as application/json with a Content-Type header");
        }
    }

    private byte[] readBounded(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(limits.maxBodyBytes() + 1);
            if (bytes.length > limits.maxBodyBytes()) {
                throw ApiProblem.payloadTooLarge(limits.maxBodyBytes());
            }
            return bytes;
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read");
        }
    }

    private static ApiProblem describe(JsonProcessingException e) {
        if (e instanceof RequestBodyMapper.ControlCharacterException control) {
            return fieldProblem(control, "must not contain control characters (U+0000 to U+001F) other than tab "
                    + "and newline");
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            return ApiProblem.invalidFields(List.of(new FieldError(duplicate.group(1), "is given more than once")));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(unknown, "is not a known field");
        }
        if (e instanceof InvalidFormatException invalid) {
            return fieldProblem(invalid, "must be " + expected(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return fieldProblem(mismatched, "must be " + expected(mismatched.getTargetType()));
        }
        if (e instanceof MismatchedInputException) {
            return ApiProblem.badRequest("the JSON body must be an object");
        }
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ApiProblem.badRequest("malformed JSON" + where);
    }

    private static ApiProblem fieldProblem(JsonMappingException e, String message) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return ApiProblem.invalidFields(List.of(new FieldError(field, message)));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
