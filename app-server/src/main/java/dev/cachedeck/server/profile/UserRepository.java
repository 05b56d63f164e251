package dev.cachedeck.server.profile;

import dev.cachedeck.model.api.ProfileChange;
import dev.cachedeck.model.api.ProfileStats;
import dev.cachedeck.model.monitor.UserToken;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.SkillList;
import dev.cachedeck.server.store.SqlSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Owns the {@code users} table. */
public final class UserRepository {
    private static final String SELECT_USER = """
            SELECT id, display_name, bio, skills, hourly_rate, location, is_client, member_since, updated_at
            FROM users WHERE id = ?
            """;

    private static final String SELECT_STATS = """
            SELECT
              (SELECT COUNT(*) FROM reviews WHERE reviewed_id = ?) AS reviews_received,
              (SELECT AVG(CAST(rating AS DECIMAL(6,3))) FROM reviews WHERE reviewed_id = ?) AS average_rating,
              (SELECT COUNT(*) FROM reviews WHERE reviewer_id = ?) AS reviews_written,
              (SELECT COUNT(*) FROM jobs WHERE client_id = ?) AS jobs_posted,
              (SELECT COUNT(*) FROM jobs WHERE client_id = ? AND status = 'OPEN') AS open_jobs,
              (SELECT COUNT(*) FROM payments WHERE payee_id = ?) AS payments_received,
              (SELECT COUNT(*) FROM payments WHERE payer_id = ?) AS payments_made
            """;

    private static final String UPDATE_PROFILE = """
            UPDATE users SET
              display_name = COALESCE(?, display_name),
              bio = COALESCE(?, bio),
              skills = COALESCE(?, skills),
              hourly_rate = COALESCE(?, hourly_rate),
              location = COALESCE(?, location),
              updated_at = ?
            WHERE id = ?
            """;

    private static final String SELECT_IDS = "SELECT id FROM users ORDER BY id";

    private static final String SELECT_CLIENT_IDS = "SELECT id FROM users WHERE is_client ORDER BY id";

    private static final String SELECT_TOKENS = "SELECT id, api_token FROM users";

    private static final String SELECT_DEMO_TOKENS = """
            SELECT id, display_name, is_client, api_token FROM users ORDER BY id LIMIT ?
            """;

    private final Jdbc jdbc;

    public UserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(long id) {
        return jdbc.read(session -> session.one(SELECT_USER, UserRepository::user, id));
    }

    public ProfileStats statsOf(long userId) {
        return jdbc.read(session -> session.one(SELECT_STATS, UserRepository::stats,
                userId, userId, userId, userId, userId, userId, userId)).orElseThrow();
    }

    /** Applies the fields present in {@code change}; false when the user does not exist. */
    public boolean update(long id, ProfileChange change, Instant now) {
        String skills = change.skills() == null ? null : SkillList.join(change.skills());
        return jdbc.transaction(session -> session.update(UPDATE_PROFILE,
                change.displayName(), change.bio(), skills, change.hourlyRate(), change.location(), now, id) == 1);
    }

    /** Every user id, for the workload generator to choose among. */
    public long[] ids() {
        return jdbc.read(session -> session.list(SELECT_IDS, row -> row.getLong("id")))
                .stream().mapToLong(Long::longValue).toArray();
    }

    /** Ids of the users who post jobs. */
    public long[] clientIds() {
        return jdbc.read(session -> session.list(SELECT_CLIENT_IDS, row -> row.getLong("id")))
                .stream().mapToLong(Long::longValue).toArray();
    }

    public Map<String, Long> userIdsByToken() {
        return jdbc.read(session -> {
            Map<String, Long> tokens = new HashMap<>();
            session.list(SELECT_TOKENS, row -> tokens.put(row.getString("api_token"), row.getLong("id")));
            return tokens;
        });
    }

    public List<UserToken> demoTokens(int limit) {
        return jdbc.read(session -> session.list(SELECT_DEMO_TOKENS, row -> new UserToken(
                row.getLong("id"), row.getString("display_name"), row.getBoolean("is_client"),
                row.getString("api_token")), limit));
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(
                row.getLong("id"),
                row.getString("display_name"),
                row.getString("bio"),
                SkillList.split(row.getString("skills")),
                row.getBigDecimal("hourly_rate"),
                row.getString("location"),
                row.getBoolean("is_client"),
                SqlSession.instant(row, "member_since"),
                SqlSession.instant(row, "updated_at"));
    }

    private static ProfileStats stats(ResultSet row) throws SQLException {
        BigDecimal average = row.getBigDecimal("average_rating");
        return new ProfileStats(
                row.getLong("reviews_received"),
                average == null ? null : average.setScale(2, RoundingMode.HALF_UP),
                row.getLong("reviews_written"),
                row.getLong("jobs_posted"),
                row.getLong("open_jobs"),
                row.getLong("payments_received"),
                row.getLong("payments_made"));
    }
}
