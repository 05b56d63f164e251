package dev.cachedeck.model.api;

import java.util.List;

/** {@code GET /api/ratings/reviewer_{id}/}: reviews a user wrote, newest first. */
public record ReviewsWritten(long reviewerId, PageInfo page, List<WrittenReview> reviews) {
}
