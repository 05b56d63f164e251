package dev.cachedeck.model.api;

import java.util.List;

/** {@code GET /api/reviews/{id}?filter=}: reviews a user received, newest first. */
public record ReviewsReceived(
        long userId,
        ReviewFilter filter,
        RatingSummary rating,
        PageInfo page,
        List<ReceivedReview> reviews) {
}
