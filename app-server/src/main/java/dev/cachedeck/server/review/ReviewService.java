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
import dev.cachedeck.server.cache.CachedRead;
import dev.cachedeck.server.cache.DataType;
import dev.cachedeck.server.cache.ServiceCaches;
import dev.cachedeck.server.cache.Tag;
import dev.cachedeck.server.cache.WriteEvent;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.FieldChecks;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.job.JobService;
import dev.cachedeck.server.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reviews received and written, and review writes. */
public final class ReviewService {
    private static final int MAX_TEXT = 2000;

    private final ReviewRepository reviews;
    private final ProfileService profiles;
    private final JobService jobs;
    private final ServiceCaches caches;
    private final Clock clock;
    private final Duration recentWindow;

    public ReviewService(ReviewRepository reviews, ProfileService profiles, JobService jobs, ServiceCaches caches,
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
        CachedRead<ReviewRepository.ReceivedSummary> summaryRead = CachedRead.of(
                caches.keys().reviewsReceivedSummary(userId), DataType.REVIEWS,
                caches.query().type(ReviewRepository.ReceivedSummary.class), Set.of(Tag.reviewsReceived(userId)));
        var summary = caches.query().fetch(summaryRead, () -> reviews.receivedSummary(userId, recentSince));
        long total = summary.totalFor(filter);
        CachedRead<List<ReceivedReview>> pageRead = new CachedRead<>(
                caches.keys().reviewsReceivedPage(userId, filter, page), DataType.REVIEWS,
                caches.query().listOf(ReceivedReview.class),
                showing(Tag.reviewsReceived(userId), ReceivedReview::reviewerId, ReceivedReview::jobId));
        List<ReceivedReview> items = page.offset() < total
                ? caches.query().fetch(pageRead, () -> reviews.receivedPage(userId, filter, recentSince, page))
                : List.of();
        return new ReviewsReceived(userId, filter, summary.rating(),
                new PageInfo(page.number(), page.size(), total), items);
    }

    public ReviewsWritten written(long reviewerId, PageRequest page) {
        profiles.requireUser(reviewerId);
        CachedRead<Long> countRead = CachedRead.of(caches.keys().reviewsWrittenCount(reviewerId), DataType.REVIEWS,
                caches.query().type(Long.class), Set.of(Tag.reviewsWritten(reviewerId)));
        long total = caches.query().fetch(countRead, () -> reviews.countWritten(reviewerId));
        CachedRead<List<WrittenReview>> pageRead = new CachedRead<>(caches.keys().reviewsWrittenPage(reviewerId, page),
                DataType.REVIEWS, caches.query().listOf(WrittenReview.class),
                showing(Tag.reviewsWritten(reviewerId), WrittenReview::reviewedId, WrittenReview::jobId));
        List<WrittenReview> items = page.offset() < total
                ? caches.query().fetch(pageRead, () -> reviews.writtenPage(reviewerId, page))
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

    /**
     * A page depends on its list, on the profile of every user whose name it shows and on every job it
     * names: deleting a job sets {@code reviews.job_id} to null (ON DELETE SET NULL).
     */
    private static <T> Function<List<T>, Set<Tag>> showing(Tag list, Function<T, Long> shownUser,
                                                           Function<T, Long> shownJob) {
        return items -> {
            Set<Tag> tags = new HashSet<>(Set.of(list));
            items.forEach(item -> tags.add(Tag.user(shownUser.apply(item))));
            tags.addAll(Tag.jobs(items.stream().map(shownJob).toList()));
            return tags;
        };
    }

    private Review require(long id) {
        return reviews.findById(id).orElseThrow(() -> ApiProblem.notFound("review", id));
    }
}
