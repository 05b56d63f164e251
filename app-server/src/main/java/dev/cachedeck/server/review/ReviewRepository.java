package dev.cachedeck.server.review;

import dev.cachedeck.model.api.NewReview;
import dev.cachedeck.model.api.RatingSummary;
import dev.cachedeck.model.api.ReceivedReview;
import dev.cachedeck.model.api.Review;
import dev.cachedeck.model.api.ReviewChange;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.model.api.WrittenReview;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.SqlSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Owns the {@code reviews} table. */
public final class ReviewRepository {
    private static final String SELECT_REVIEW = """
            SELECT id, reviewer_id, reviewed_id, job_id, rating, text, is_read, created_at
            FROM reviews WHERE id = ?
            """;

    private static final String SELECT_RECEIVED_SUMMARY = """
            SELECT COUNT(*) AS total,
              AVG(CAST(rating AS DECIMAL(6,3))) AS average,
              SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS r1,
              SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END) AS r2,
              SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END) AS r3,
              SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END) AS r4,
              SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END) AS r5,
              SUM(CASE WHEN is_read = FALSE THEN 1 ELSE 0 END) AS unread,
              SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END) AS recent
            FROM reviews WHERE reviewed_id = ?
            """;

    // One statement serves all three filters; the ? = 'x' guards let the planner keep the reviewed_id index.
    private static final String SELECT_RECEIVED_PAGE = """
            SELECT r.id, r.reviewer_id, u.display_name AS reviewer_name, r.job_id, r.rating, r.text,
              r.is_read, r.created_at
            FROM reviews r JOIN users u ON u.id = r.reviewer_id
            WHERE r.reviewed_id = ?
              AND (? = 'ALL' OR (? = 'UNREAD' AND r.is_read = FALSE) OR (? = 'RECENT' AND r.created_at >= ?))
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT ? OFFSET ?
            """;

    private static final String COUNT_WRITTEN = "SELECT COUNT(*) FROM reviews WHERE reviewer_id = ?";

    private static final String SELECT_WRITTEN_PAGE = """
            SELECT r.id, r.reviewed_id, u.display_name AS reviewed_name, r.job_id, r.rating, r.text, r.created_at
            FROM reviews r JOIN users u ON u.id = r.reviewed_id
            WHERE r.reviewer_id = ?
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT ? OFFSET ?
            """;

    private static final String INSERT_REVIEW = """
            INSERT INTO reviews (reviewer_id, reviewed_id, job_id, rating, text, is_read, created_at)
            VALUES (?, ?, ?, ?, ?, FALSE, ?)
            """;

    private static final String UPDATE_REVIEW = """
            UPDATE reviews SET
              rating = COALESCE(?, rating),
              text = COALESCE(?, text),
              is_read = COALESCE(?, is_read)
            WHERE id = ?
            """;

    private static final String DELETE_REVIEW = "DELETE FROM reviews WHERE id = ?";

    private final Jdbc jdbc;

    public ReviewRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Rating aggregate plus how many reviews each filter selects. */
    public record ReceivedSummary(RatingSummary rating, long unread, long recent) {
        public long totalFor(ReviewFilter filter) {
            return switch (filter) {
                case ALL -> rating.count();
                case UNREAD -> unread;
                case RECENT -> recent;
            };
        }
    }

    public Optional<Review> findById(long id) {
        return jdbc.read(session -> session.one(SELECT_REVIEW, ReviewRepository::review, id));
    }

    public ReceivedSummary receivedSummary(long userId, Instant recentSince) {
        return jdbc.read(session -> session.one(SELECT_RECEIVED_SUMMARY, ReviewRepository::summary,
                recentSince, userId)).orElseThrow();
    }

    public List<ReceivedReview> receivedPage(long userId, ReviewFilter filter, Instant recentSince, PageRequest page) {
        String name = filter.name();
        return jdbc.read(session -> session.list(SELECT_RECEIVED_PAGE, ReviewRepository::received,
                userId, name, name, name, recentSince, page.size(), page.offset()));
    }

    public long countWritten(long reviewerId) {
        return jdbc.read(session -> session.count(COUNT_WRITTEN, reviewerId));
    }

    public List<WrittenReview> writtenPage(long reviewerId, PageRequest page) {
        return jdbc.read(session -> session.list(SELECT_WRITTEN_PAGE, ReviewRepository::written,
                reviewerId, page.size(), page.offset()));
    }

    public long create(NewReview review, Instant now) {
        return jdbc.transaction(session -> session.insert(INSERT_REVIEW, review.reviewerId(), review.reviewedId(),
                review.jobId(), review.rating(), review.text(), now));
    }

    public boolean update(long id, ReviewChange change) {
        return jdbc.transaction(session ->
                session.update(UPDATE_REVIEW, change.rating(), change.text(), change.read(), id) == 1);
    }

    public boolean delete(long id) {
        return jdbc.transaction(session -> session.update(DELETE_REVIEW, id) == 1);
    }

    private static Review review(ResultSet row) throws SQLException {
        return new Review(
                row.getLong("id"),
                row.getLong("reviewer_id"),
                row.getLong("reviewed_id"),
                SqlSession.nullableLong(row, "job_id"),
                row.getInt("rating"),
                row.getString("text"),
                row.getBoolean("is_read"),
                SqlSession.instant(row, "created_at"));
    }

    private static ReceivedSummary summary(ResultSet row) throws SQLException {
        BigDecimal average = row.getBigDecimal("average");
        List<Long> distribution = List.of(row.getLong("r1"), row.getLong("r2"), row.getLong("r3"),
                row.getLong("r4"), row.getLong("r5"));
        RatingSummary rating = new RatingSummary(row.getLong("total"),
                average == null ? null : average.setScale(2, RoundingMode.HALF_UP), distribution);
        return new ReceivedSummary(rating, row.getLong("unread"), row.getLong("recent"));
    }

    private static ReceivedReview received(ResultSet row) throws SQLException {
        return new ReceivedReview(
                row.getLong("id"),
                row.getLong("reviewer_id"),
                row.getString("reviewer_name"),
                SqlSession.nullableLong(row, "job_id"),
                row.getInt("rating"),
                row.getString("text"),
                row.getBoolean("is_read"),
                SqlSession.instant(row, "created_at"));
    }

    private static WrittenReview written(ResultSet row) throws SQLException {
        return new WrittenReview(
                row.getLong("id"),
                row.getLong("reviewed_id"),
                row.getString("reviewed_name"),
                SqlSession.nullableLong(row, "job_id"),
                row.getInt("rating"),
                row.getString("text"),
                SqlSession.instant(row, "created_at"));
    }
}
