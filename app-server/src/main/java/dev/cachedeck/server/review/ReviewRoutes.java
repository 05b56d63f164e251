package dev.cachedeck.server.review;

import dev.cachedeck.model.api.NewReview;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.api.ReviewChange;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** Review reads ({@code /api/reviews/{userId}}, {@code /api/ratings/reviewer_{userId}/}) and review writes. */
public final class ReviewRoutes implements HttpService {
    private static final String REVIEWER_PREFIX = "reviewer_";

    private final ReviewService reviews;
    private final RequestReader reader;
    private final Authenticator authenticator;

    public ReviewRoutes(ReviewService reviews, RequestReader reader, Authenticator authenticator) {
        this.reviews = reviews;
        this.reader = reader;
        this.authenticator = authenticator;
    }

    @Override
    public void routing(HttpRules rules) {
        Handler written = (req, res) -> res.send(reviews.written(reviewerId(req), reader.page(req)));
        rules.get("/reviews/{userId}", (req, res) ->
                        res.send(reviews.received(reader.id(req, "userId"), filter(req), reader.page(req))))
                .get("/ratings/{reviewer}/", written)
                .get("/ratings/{reviewer}", written)
                .post("/reviews", (req, res) -> {
                    var principal = authenticator.require(req);
                    var created = reviews.create(principal, reader.body(req, NewReview.class));
                    res.status(Status.CREATED_201).send(created);
                })
                .patch("/reviews/{reviewId}", (req, res) -> {
                    var principal = authenticator.require(req);
                    long reviewId = reader.id(req, "reviewId");
                    res.send(reviews.change(principal, reviewId, reader.body(req, ReviewChange.class)));
                })
                .delete("/reviews/{reviewId}", (req, res) -> {
                    var principal = authenticator.require(req);
                    reviews.delete(principal, reader.id(req, "reviewId"));
                    res.status(Status.NO_CONTENT_204).send();
                });
    }

    private ReviewFilter filter(ServerRequest req) {
        return reader.query(req, "filter")
                .map(raw -> ReviewFilter.fromWire(raw).orElseThrow(() -> ApiProblem.invalidFields(List.of(
                        new FieldError("filter", "must be one of all, recent, unread")))))
                .orElse(ReviewFilter.ALL);
    }

    private static long reviewerId(ServerRequest req) {
        String segment = req.path().pathParameters().get("reviewer");
        if (!segment.startsWith(REVIEWER_PREFIX)) {
            throw ApiProblem.noRoute(req.path().path());
        }
        return RequestReader.positiveId("userId", segment.substring(REVIEWER_PREFIX.length()));
    }
}
