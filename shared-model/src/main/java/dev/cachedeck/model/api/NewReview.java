package dev.cachedeck.model.api;

/** Body of {@code POST /api/reviews}. */
public record NewReview(Long reviewerId, Long reviewedId, Long jobId, Integer rating, String text) {
}
