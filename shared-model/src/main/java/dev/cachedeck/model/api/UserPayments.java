package dev.cachedeck.model.api;

import java.util.List;

/** {@code GET /api/users/{id}/payments}: payments the user made or received, newest first. */
public record UserPayments(long userId, PaymentTotals totals, PageInfo page, List<Payment> payments) {
}
