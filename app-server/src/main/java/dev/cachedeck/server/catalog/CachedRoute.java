package dev.cachedeck.server.catalog;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.server.cache.DataType;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the six cached GET routes: how to recognise it, how to spell its key so that parameter
 * order, defaults and an optional trailing slash do not split it, what it depends on before any
 * value is read, and whether its answer is private to the caller.
 */
public record CachedRoute(String name, Pattern path, DataType type, boolean personal, LongFunction<String> canonicalPath,
                          LongFunction<Set<Tag>> tags, Query query) {

    /** Which query parameters the route reads, in their canonical spelling with defaults applied. */
    public enum Query {
        NONE, PAGE, PAGE_AND_FILTER, PAGE_AND_STATUS
    }

    // Only canonical ids (no sign, no leading zero, at most 18 digits): anything else is the handler's 400 or 404.
    private static final String ID = "([1-9][0-9]{0,17})";

    public static List<CachedRoute> all() {
        return List.of(
                new CachedRoute("profile", Pattern.compile("/api/get-profile/" + ID), DataType.PROFILE, false,
                        ApiPaths::profile, id -> Set.of(Tag.user(id), Tag.stats(id)), Query.NONE),
                new CachedRoute("reviews", Pattern.compile("/api/reviews/" + ID), DataType.REVIEWS, false,
                        ApiPaths::reviewsReceived, id -> Set.of(Tag.reviewsReceived(id), Tag.user(id)),
                        Query.PAGE_AND_FILTER),
                new CachedRoute("ratings", Pattern.compile("/api/ratings/reviewer_" + ID + "/?"), DataType.REVIEWS, false,
                        ApiPaths::reviewsWritten, id -> Set.of(Tag.reviewsWritten(id), Tag.user(id)), Query.PAGE),
                new CachedRoute("payments", Pattern.compile("/api/users/" + ID + "/payments"), DataType.PAYMENTS, true,
                        ApiPaths::payments, id -> Set.of(Tag.payments(id), Tag.user(id)), Query.PAGE),
                new CachedRoute("job", Pattern.compile("/api/jobs/" + ID), DataType.JOB, false,
                        ApiPaths::job, id -> Set.of(Tag.job(id)), Query.NONE),
                new CachedRoute("clientjobs", Pattern.compile("/api/clientjobs/" + ID), DataType.JOB_LIST, false,
                        ApiPaths::clientJobs, id -> Set.of(Tag.jobsOf(id), Tag.user(id)), Query.PAGE_AND_STATUS));
    }

    /** The id in {@code path} when this route serves it. */
    public Optional<Long> match(String requestPath) {
        Matcher matcher = path.matcher(requestPath);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** Canonical path and query, or empty when a parameter is invalid (the handler will answer 400, uncached). */
    public Optional<String> normalized(long id, ServerRequest req, RequestReader reader) {
        try {
            String query = switch (this.query) {
                case NONE -> "";
                case PAGE -> "?" + paging(req, reader);
                case PAGE_AND_FILTER -> "?filter=" + filter(req, reader) + "&" + paging(req, reader);
                case PAGE_AND_STATUS -> "?" + paging(req, reader) + "&status=" + status(req, reader);
            };
            return Optional.of(canonicalPath.apply(id) + query);
        } catch (ApiProblem | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String paging(ServerRequest req, RequestReader reader) {
        PageRequest page = reader.page(req);
        return "page=" + page.number() + "&size=" + page.size();
    }

    private static String filter(ServerRequest req, RequestReader reader) {
        return reader.query(req, "filter")
                .map(raw -> ReviewFilter.fromWire(raw).orElseThrow(() -> new IllegalArgumentException(raw)))
                .orElse(ReviewFilter.ALL).wireName();
    }

    private static String status(ServerRequest req, RequestReader reader) {
        return reader.query(req, "status")
                .map(raw -> JobStatus.valueOf(raw.toUpperCase(Locale.ROOT)).name().toLowerCase(Locale.ROOT))
                .orElse("any");
    }
}
