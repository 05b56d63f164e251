package dev.cachedeck.server.review;

import dev.cachedeck.model.api.NewReview;
import dev.cachedeck.model.api.PageInfo;
import dev.cachedeck.model.api.ReceivedReview;
import dev.cachedeck.model.api.Review;
import dev.cachedeck.model.api.ReviewChange;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.model.api.ReviewsReceived;
import dev.cachedeck.model.api.ReviewsWritten;
import dev.cachedeck.model.api.WrittenReview;
import dev.cachedeck.server.auth.Principal;
import dev.cachedeck.server.catalog.CacheCatalog;
import dev.cachedeck.server.catalog.CachedReads;
import dev.cachedeck.server.catalog.WriteEvent;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.FieldChecks;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.job.JobService;
import dev.cachedeck.server.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Reviews received and written, and review writes. */
public final class ReviewService {
    private static final int MAX_TEXT = 2000;

    private final ReviewRepository reviews;
    private final ProfileService profiles;
    private final JobService jobs;
    private final CacheCatalog caches;
    private final Clock clock;
    private final Duration recentWindow;

    public ReviewService(ReviewRepository reviews, ProfileService profiles, JobService jobs, CacheCatalog caches,
                         Clock clock, Duration recentWindow) {
        this.reviews = reviews;
        this.profiles = profiles;
        this.jobs = jobs;
        this.caches = caches;
        this.clock = clock;
        this.recentWindow = recentWindow;
    }

    public ReviewsReceived received(long userId, ReviewFilter filter, PageRequest page) {
        profiles.requireUser(userId);
        // "Recent" moves with the clock; a cached count or page lags by at most the reviews TTL.
        Instant recentSince = clock.instant().minus(recentWindow);
        var summary = caches.fetch(
                CachedReads.reviewsReceivedSummary(userId, ReviewRepository.ReceivedSummary.class),
                () -> reviews.receivedSummary(userId, recentSince));
        long total = summary.totalFor(filter);
        List<ReceivedReview> items = page.offset() < total
                ? caches.fetch(CachedReads.reviewsReceivedPage(userId, filter, page),
                        () -> reviews.receivedPage(userId, filter, recentSince, page))
                : List.of();
        return new ReviewsReceived(userId, filter, summary.rating(),
                new PageInfo(page.number(), page.size(), total), items);
    }

    public ReviewsWritten written(long reviewerId, PageRequest page) {
        profiles.requireUser(reviewerId);
        long total = caches.fetch(CachedReads.reviewsWrittenCount(reviewerId), () -> reviews.countWritten(reviewerId));
        List<WrittenReview> items = page.offset() < total
                ? caches.fetch(CachedReads.reviewsWrittenPage(reviewerId, page),
                        () -> reviews.writtenPage(reviewerId, page))
                : List.of();
        return new ReviewsWritten(reviewerId, new PageInfo(page.number(), page.size(), total), items);
    }

    public Review create(Principal principal, NewReview review) {
        new FieldChecks()
                .required("reviewerId", review.reviewerId())
                .required("reviewedId", review.reviewedId())
                .required("rating", review.rating())
                .required("text", review.text())
                .positiveId("reviewerId", review.reviewerId())
                .positiveId("reviewedId", review.reviewedId())
                .positiveId("jobId", review.jobId())
                .range("rating", review.rating(), 1, 5)
                .text("text", review.text(), MAX_TEXT)
                .check(review.reviewerId() == null || !review.reviewerId().equals(review.reviewedId()),
                        "reviewedId", "must differ from reviewerId: users cannot review themselves")
                .orThrow();
        principal.requireSelfOrAdmin(review.reviewerId(), "write reviews as this reviewer");
        profiles.requireUser(review.reviewerId());
        profiles.requireUser(review.reviewedId());
        if (review.jobId() != null) {
            jobs.requireJob(review.jobId());
        }
        // TIMESTAMP keeps microseconds: the answer must show what a later read of the row will show.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = reviews.create(review, now);
        caches.written(new WriteEvent.ReviewChanged(review.reviewerId(), review.reviewedId(), review.jobId()));
        // Every column was just written from these values, so the answer saves the database a read.
        return new Review(id, review.reviewerId(), review.reviewedId(), review.jobId(), review.rating(), review.text(),
                false, now);
    }

    public Review change(Principal principal, long id, ReviewChange change) {
        new FieldChecks()
                .check(change.rating() != null || change.text() != null || change.read() != null,
                        "body", "name at least one of rating, text, read")
                .range("rating", change.rating(), 1, 5)
                .text("text", change.text(), MAX_TEXT)
                .orThrow();
        Review review = require(id);
        if (change.rating() != null || change.text() != null) {
            principal.requireSelfOrAdmin(review.reviewerId(), "edit this review");
        }
        if (change.read() != null) {
            principal.requireSelfOrAdmin(review.reviewedId(), "mark this review read");
        }
        if (!reviews.update(id, change)) {
            throw ApiProblem.notFound("review", id);
        }
        caches.written(new WriteEvent.ReviewChanged(review.reviewerId(), review.reviewedId(), review.jobId()));
        return require(id);
    }

    public void delete(Principal principal, long id) {
        Review review = require(id);
        principal.requireSelfOrAdmin(review.reviewerId(), "delete this review");
        if (!reviews.delete(id)) {
            throw ApiProblem.notFound("review", id);
        }
        caches.written(new WriteEvent.ReviewChanged(review.reviewerId(), review.reviewedId(), review.jobId()));
    }

    private Review require(long id) {
        return reviews.findById(id).orElseThrow(() -> ApiProblem.notFound("review", id));
    }
}
