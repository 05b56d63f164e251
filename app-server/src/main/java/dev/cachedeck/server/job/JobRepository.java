package dev.cachedeck.server.job;

import dev.cachedeck.model.api.ClientSummary;
import dev.cachedeck.model.api.JobDraft;
import dev.cachedeck.model.api.JobListItem;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.SkillList;
import dev.cachedeck.server.store.SqlSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Owns the {@code jobs} table. */
public final class JobRepository {
    private static final String SELECT_JOB = """
            SELECT id, client_id, title, description, budget, status, skills, created_at, updated_at
            FROM jobs WHERE id = ?
            """;

    private static final String SELECT_CLIENT_SUMMARY = """
            SELECT u.id, u.display_name, u.location, u.member_since,
              (SELECT COUNT(*) FROM jobs j WHERE j.client_id = u.id) AS jobs_posted,
              (SELECT COUNT(*) FROM reviews r WHERE r.reviewed_id = u.id) AS reviews_received,
              (SELECT AVG(CAST(r.rating AS DECIMAL(6,3))) FROM reviews r WHERE r.reviewed_id = u.id) AS average_rating
            FROM users u WHERE u.id = ?
            """;

    private static final String COUNT_CLIENT_JOBS = """
            SELECT COUNT(*) FROM jobs WHERE client_id = ? AND (CAST(? AS VARCHAR(20)) IS NULL OR status = ?)
            """;

    private static final String SELECT_CLIENT_JOBS = """
            SELECT j.id, j.title, j.budget, j.status, j.created_at,
              (SELECT COUNT(*) FROM reviews r WHERE r.job_id = j.id) AS review_count
            FROM jobs j
            WHERE j.client_id = ? AND (CAST(? AS VARCHAR(20)) IS NULL OR j.status = ?)
            ORDER BY j.created_at DESC, j.id DESC
            LIMIT ? OFFSET ?
            """;

    private static final String INSERT_JOB = """
            INSERT INTO jobs (client_id, title, description, budget, status, skills, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE_JOB = """
            UPDATE jobs SET
              title = COALESCE(?, title),
              description = COALESCE(?, description),
              budget = COALESCE(?, budget),
              status = COALESCE(?, status),
              skills = COALESCE(?, skills),
              updated_at = ?
            WHERE id = ?
            """;

    private static final String DELETE_JOB = "DELETE FROM jobs WHERE id = ?";

    private static final String SELECT_IDS = "SELECT id FROM jobs ORDER BY id";

    private final Jdbc jdbc;

    public JobRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every job id, for the workload generator to choose among. */
    public long[] ids() {
        return jdbc.read(session -> session.list(SELECT_IDS, row -> row.getLong("id")))
                .stream().mapToLong(Long::longValue).toArray();
    }

    public Optional<JobRecord> findById(long id) {
        return jdbc.read(session -> session.one(SELECT_JOB, JobRepository::job, id));
    }

    public Optional<ClientSummary> clientSummary(long clientId) {
        return jdbc.read(session -> session.one(SELECT_CLIENT_SUMMARY, JobRepository::clientSummary, clientId));
    }

    public long countByClient(long clientId, JobStatus status) {
        String statusName = status == null ? null : status.name();
        return jdbc.read(session -> session.count(COUNT_CLIENT_JOBS, clientId, statusName, statusName));
    }

    public List<JobListItem> pageByClient(long clientId, JobStatus status, PageRequest page) {
        String statusName = status == null ? null : status.name();
        return jdbc.read(session -> session.list(SELECT_CLIENT_JOBS, JobRepository::listItem,
                clientId, statusName, statusName, page.size(), page.offset()));
    }

    public long create(JobDraft draft, Instant now) {
        JobStatus status = draft.status() == null ? JobStatus.OPEN : draft.status();
        List<String> skills = draft.skills() == null ? List.of() : draft.skills();
        return jdbc.transaction(session -> session.insert(INSERT_JOB, draft.clientId(), draft.title(),
                draft.description(), draft.budget(), status, SkillList.join(skills), now, now));
    }

    public boolean update(long id, JobDraft change, Instant now) {
        String skills = change.skills() == null ? null : SkillList.join(change.skills());
        return jdbc.transaction(session -> session.update(UPDATE_JOB, change.title(), change.description(),
                change.budget(), change.status(), skills, now, id) == 1);
    }

    public boolean delete(long id) {
        return jdbc.transaction(session -> session.update(DELETE_JOB, id) == 1);
    }

    private static JobRecord job(ResultSet row) throws SQLException {
        return new JobRecord(
                row.getLong("id"),
                row.getLong("client_id"),
                row.getString("title"),
                row.getString("description"),
                row.getBigDecimal("budget"),
                JobStatus.valueOf(row.getString("status")),
                SkillList.split(row.getString("skills")),
                SqlSession.instant(row, "created_at"),
                SqlSession.instant(row, "updated_at"));
    }

    private static ClientSummary clientSummary(ResultSet row) throws SQLException {
        BigDecimal average = row.getBigDecimal("average_rating");
        return new ClientSummary(
                row.getLong("id"),
                row.getString("display_name"),
                row.getString("location"),
                SqlSession.instant(row, "member_since"),
                row.getLong("jobs_posted"),
                row.getLong("reviews_received"),
                average == null ? null : average.setScale(2, RoundingMode.HALF_UP));
    }

    private static JobListItem listItem(ResultSet row) throws SQLException {
        return new JobListItem(
                row.getLong("id"),
                row.getString("title"),
                row.getBigDecimal("budget"),
                JobStatus.valueOf(row.getString("status")),
                SqlSession.instant(row, "created_at"),
                row.getLong("review_count"));
    }
}
