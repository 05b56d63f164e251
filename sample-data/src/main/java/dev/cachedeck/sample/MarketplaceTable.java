package dev.cachedeck.sample;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The generated tables in an order that satisfies their foreign keys, each with its columns in schema
 * order and the mapping from generator rows to column values. The loader's INSERT and the CSV header
 * both come from {@link #columns()}, so they cannot drift apart.
 */
enum MarketplaceTable {
    USERS(List.of("id", "display_name", "email", "bio", "skills", "hourly_rate", "location", "is_client",
            "member_since", "updated_at", "api_token"),
            (generator, sink) -> generator.users(u -> sink.accept(new Object[] {
                    u.id(), u.displayName(), u.email(), u.bio(), u.skills(), u.hourlyRate(), u.location(), u.client(),
                    u.memberSince(), u.updatedAt(), u.apiToken()}))),
    JOBS(List.of("id", "client_id", "title", "description", "budget", "status", "skills", "created_at", "updated_at"),
            (generator, sink) -> generator.jobs(j -> sink.accept(new Object[] {
                    j.id(), j.clientId(), j.title(), j.description(), j.budget(), j.status(), j.skills(), j.createdAt(),
                    j.updatedAt()}))),
    REVIEWS(List.of("id", "reviewer_id", "reviewed_id", "job_id", "rating", "text", "is_read", "created_at"),
            (generator, sink) -> generator.reviews(r -> sink.accept(new Object[] {
                    r.id(), r.reviewerId(), r.reviewedId(), r.jobId(), r.rating(), r.text(), r.read(), r.createdAt()}))),
    PAYMENTS(List.of("id", "payer_id", "payee_id", "job_id", "amount", "currency", "status", "created_at"),
            (generator, sink) -> generator.payments(p -> sink.accept(new Object[] {
                    p.id(), p.payerId(), p.payeeId(), p.jobId(), p.amount(), p.currency(), p.status(), p.createdAt()})));

    private final List<String> columns;
    private final BiConsumer<MarketplaceGenerator, Consumer<Object[]>> rows;

    MarketplaceTable(List<String> columns, BiConsumer<MarketplaceGenerator, Consumer<Object[]>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<String> columns() {
        return columns;
    }

    /** Streams the table's rows from the generator, one array of column values per row. */
    void rows(MarketplaceGenerator generator, Consumer<Object[]> sink) {
        rows.accept(generator, sink);
    }

    String insertSql() {
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        return "INSERT INTO " + tableName() + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")";
    }
}
