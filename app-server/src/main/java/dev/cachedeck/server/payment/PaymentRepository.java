package dev.cachedeck.server.payment;

import dev.cachedeck.model.api.NewPayment;
import dev.cachedeck.model.api.Payment;
import dev.cachedeck.model.api.PaymentStatus;
import dev.cachedeck.model.api.PaymentTotals;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.store.Jdbc;
import dev.cachedeck.server.store.SqlSession;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Owns the {@code payments} table. */
public final class PaymentRepository {
    private static final String SELECT_TOTALS = """
            SELECT currency, COUNT(*) AS payments,
              SUM(CASE WHEN payee_id = ? AND status = 'COMPLETED' THEN amount ELSE 0 END) AS received,
              SUM(CASE WHEN payer_id = ? AND status = 'COMPLETED' THEN amount ELSE 0 END) AS paid
            FROM (
              SELECT payer_id, payee_id, amount, currency, status FROM payments WHERE payer_id = ?
              UNION ALL
              SELECT payer_id, payee_id, amount, currency, status FROM payments WHERE payee_id = ? AND payer_id <> ?
            ) mine
            GROUP BY currency
            """;

    // UNION ALL instead of "payer_id = ? OR payee_id = ?" so each half uses its own index.
    private static final String SELECT_PAGE = """
            SELECT id, payer_id, payee_id, job_id, amount, currency, status, created_at FROM (
              SELECT id, payer_id, payee_id, job_id, amount, currency, status, created_at
              FROM payments WHERE payer_id = ?
              UNION ALL
              SELECT id, payer_id, payee_id, job_id, amount, currency, status, created_at
              FROM payments WHERE payee_id = ? AND payer_id <> ?
            ) mine
            ORDER BY created_at DESC, id DESC
            LIMIT ? OFFSET ?
            """;

    private static final String INSERT_PAYMENT = """
            INSERT INTO payments (payer_id, payee_id, job_id, amount, currency, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final Jdbc jdbc;

    public PaymentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public PaymentTotals totalsOf(long userId) {
        return jdbc.read(session -> {
            var received = new TreeMap<String, BigDecimal>();
            var paid = new TreeMap<String, BigDecimal>();
            long[] count = {0};
            session.list(SELECT_TOTALS, row -> {
                String currency = row.getString("currency");
                count[0] += row.getLong("payments");
                received.put(currency, row.getBigDecimal("received"));
                paid.put(currency, row.getBigDecimal("paid"));
                return currency;
            }, userId, userId, userId, userId, userId);
            return new PaymentTotals(count[0], received, paid);
        });
    }

    public List<Payment> pageOf(long userId, PageRequest page) {
        return jdbc.read(session -> session.list(SELECT_PAGE, PaymentRepository::payment,
                userId, userId, userId, page.size(), page.offset()));
    }

    public long create(NewPayment payment, BigDecimal amount, Instant now) {
        return jdbc.transaction(session -> session.insert(INSERT_PAYMENT, payment.payerId(), payment.payeeId(),
                payment.jobId(), amount, payment.currency(), PaymentStatus.COMPLETED, now));
    }

    private static Payment payment(ResultSet row) throws SQLException {
        return new Payment(
                row.getLong("id"),
                row.getLong("payer_id"),
                row.getLong("payee_id"),
                SqlSession.nullableLong(row, "job_id"),
                row.getBigDecimal("amount"),
                row.getString("currency"),
                PaymentStatus.valueOf(row.getString("status")),
                SqlSession.instant(row, "created_at"));
    }
}
