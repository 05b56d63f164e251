package dev.cachedeck.server.catalog;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.cachedeck.model.api.ClientSummary;
import dev.cachedeck.model.api.JobListItem;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.model.api.Payment;
import dev.cachedeck.model.api.PaymentTotals;
import dev.cachedeck.model.api.ProfileStats;
import dev.cachedeck.model.api.ReceivedReview;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.model.api.WrittenReview;
import dev.cachedeck.server.cache.CachedRead;
import dev.cachedeck.server.http.PageRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A ready {@link CachedRead} per cached family: tier, key, TTL type and tags from {@link Family}, plus the
 * value's Jackson type. Value types that live in a feature package are named by the caller: this package
 * sits below the features and cannot import them.
 */
public final class CachedReads {
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    private CachedReads() {
    }

    public static <T> CachedRead<T> user(long id, Class<T> type) {
        return read(Family.USER, id, TYPES.constructType(type));
    }

    public static <T> CachedRead<T> job(long id, Class<T> type) {
        return read(Family.JOB, id, TYPES.constructType(type));
    }

    public static CachedRead<ProfileStats> profileStats(long userId) {
        return read(Family.PROFILE_STATS, userId, TYPES.constructType(ProfileStats.class));
    }

    public static CachedRead<ClientSummary> clientSummary(long clientId) {
        return read(Family.CLIENT_SUMMARY, clientId, TYPES.constructType(ClientSummary.class));
    }

    public static <T> CachedRead<T> reviewsReceivedSummary(long userId, Class<T> type) {
        return read(Family.REVIEWS_RECEIVED_SUMMARY, userId, TYPES.constructType(type));
    }

    /**
     * A page depends on its list, on the profile of every reviewer whose name it shows and on every job it names:
     * deleting a job sets {@code reviews.job_id} to null (ON DELETE SET NULL) without a review write.
     */
    public static CachedRead<List<ReceivedReview>> reviewsReceivedPage(long userId, ReviewFilter filter,
                                                                       PageRequest page) {
        return read(Family.REVIEWS_RECEIVED_PAGE, userId, listOf(ReceivedReview.class),
                (ReceivedReview review) -> naming(Tag.user(review.reviewerId()), review.jobId()),
                filter.name().toLowerCase(Locale.ROOT), page(page));
    }

    public static CachedRead<Long> reviewsWrittenCount(long reviewerId) {
        return read(Family.REVIEWS_WRITTEN_COUNT, reviewerId, TYPES.constructType(Long.class));
    }

    /** A page depends on its list, on the profile of every reviewed user it shows and on every job it names. */
    public static CachedRead<List<WrittenReview>> reviewsWrittenPage(long reviewerId, PageRequest page) {
        return read(Family.REVIEWS_WRITTEN_PAGE, reviewerId, listOf(WrittenReview.class),
                (WrittenReview review) -> naming(Tag.user(review.reviewedId()), review.jobId()), page(page));
    }

    public static CachedRead<PaymentTotals> paymentTotals(long userId) {
        return read(Family.PAYMENT_TOTALS, userId, TYPES.constructType(PaymentTotals.class));
    }

    /** Deleting a job sets {@code payments.job_id} to null (ON DELETE SET NULL): a page depends on each job named. */
    public static CachedRead<List<Payment>> paymentsPage(long userId, PageRequest page) {
        return read(Family.PAYMENTS_PAGE, userId, listOf(Payment.class),
                (Payment payment) -> payment.jobId() == null ? List.of() : List.of(Tag.job(payment.jobId())),
                page(page));
    }

    public static CachedRead<Long> clientJobsCount(long clientId, JobStatus status) {
        return read(Family.CLIENT_JOBS_COUNT, clientId, TYPES.constructType(Long.class), status(status));
    }

    /** A page depends on the client's list and on every job it shows (each row shows its job's review count). */
    public static CachedRead<List<JobListItem>> clientJobsPage(long clientId, JobStatus status, PageRequest page) {
        return read(Family.CLIENT_JOBS_PAGE, clientId, listOf(JobListItem.class),
                (JobListItem item) -> List.of(Tag.job(item.id())), status(status), page(page));
    }

    private static <T> CachedRead<T> read(Family family, long id, JavaType type, String... parts) {
        Set<String> tags = Tag.values(family.tags(id));
        return new CachedRead<>(family.tier(), family.relativeKey(id, parts), family.type(), type, value -> tags);
    }

    private static <T> CachedRead<List<T>> read(Family family, long id, JavaType type,
                                                Function<T, List<Tag>> itemTags, String... parts) {
        Set<Tag> declared = family.tags(id);
        return new CachedRead<>(family.tier(), family.relativeKey(id, parts), family.type(), type, items -> {
            Set<Tag> tags = new HashSet<>(declared);
            items.forEach(item -> tags.addAll(itemTags.apply(item)));
            return Tag.values(tags);
        });
    }

    /** {@code shown}, and the job {@code jobId} when there is one (a review need not be about a job). */
    private static List<Tag> naming(Tag shown, Long jobId) {
        return jobId == null ? List.of(shown) : List.of(shown, Tag.job(jobId));
    }

    private static JavaType listOf(Class<?> element) {
        return TYPES.constructCollectionType(List.class, element);
    }

    private static String page(PageRequest page) {
        return "p" + page.number() + "x" + page.size();
    }

    private static String status(JobStatus status) {
        return status == null ? "any" : status.name().toLowerCase(Locale.ROOT);
    }
}
