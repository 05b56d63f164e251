package dev.cachedeck.server.payment;

import dev.cachedeck.model.api.NewPayment;
import dev.cachedeck.model.api.PageInfo;
import dev.cachedeck.model.api.Payment;
import dev.cachedeck.model.api.PaymentStatus;
import dev.cachedeck.model.api.PaymentTotals;
import dev.cachedeck.model.api.UserPayments;
import dev.cachedeck.server.auth.Principal;
import dev.cachedeck.server.catalog.CacheCatalog;
import dev.cachedeck.server.catalog.CachedReads;
import dev.cachedeck.server.catalog.WriteEvent;
import dev.cachedeck.server.http.FieldChecks;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.job.JobService;
import dev.cachedeck.server.profile.ProfileService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** A user's private payment history, and new payments. */
public final class PaymentService {
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR");
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    private final PaymentRepository payments;
    private final ProfileService profiles;
    private final JobService jobs;
    private final CacheCatalog caches;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, ProfileService profiles, JobService jobs, CacheCatalog caches,
                          Clock clock) {
        this.payments = payments;
        this.profiles = profiles;
        this.jobs = jobs;
        this.caches = caches;
        this.clock = clock;
    }

    public UserPayments paymentsOf(Principal principal, long userId, PageRequest page) {
        principal.requireSelfOrAdmin(userId, "read these payments");
        profiles.requireUser(userId);
        PaymentTotals totals = caches.fetch(CachedReads.paymentTotals(userId), () -> payments.totalsOf(userId));
        List<Payment> items = page.offset() < totals.count()
                ? caches.fetch(CachedReads.paymentsPage(userId, page), () -> payments.pageOf(userId, page))
                : List.of();
        return new UserPayments(userId, totals, new PageInfo(page.number(), page.size(), totals.count()), items);
    }

    public Payment create(Principal principal, NewPayment payment) {
        new FieldChecks()
                .required("payerId", payment.payerId())
                .required("payeeId", payment.payeeId())
                .required("amount", payment.amount())
                .required("currency", payment.currency())
                .positiveId("payerId", payment.payerId())
                .positiveId("payeeId", payment.payeeId())
                .positiveId("jobId", payment.jobId())
                .money("amount", payment.amount(), MIN_AMOUNT, MAX_AMOUNT)
                .check(payment.currency() == null || CURRENCIES.contains(payment.currency()),
                        "currency", "must be one of " + CURRENCIES.stream().sorted().toList())
                .check(payment.payerId() == null || !payment.payerId().equals(payment.payeeId()),
                        "payeeId", "must differ from payerId")
                .orThrow();
        principal.requireSelfOrAdmin(payment.payerId(), "pay as this payer");
        profiles.requireUser(payment.payerId());
        profiles.requireUser(payment.payeeId());
        if (payment.jobId() != null) {
            jobs.requireJob(payment.jobId());
        }
        // TIMESTAMP keeps microseconds and DECIMAL(12,2) two places: the answer must match a later read of the row.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BigDecimal amount = payment.amount().setScale(2, RoundingMode.UNNECESSARY);
        long id = payments.create(payment, amount, now);
        caches.written(new WriteEvent.PaymentCreated(payment.payerId(), payment.payeeId()));
        // Every column was just written from these values, so the answer saves the database a read.
        return new Payment(id, payment.payerId(), payment.payeeId(), payment.jobId(), amount, payment.currency(),
                PaymentStatus.COMPLETED, now);
    }
}
