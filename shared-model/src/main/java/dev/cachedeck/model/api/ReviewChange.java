package dev.cachedeck.model.api;

/** Body of {@code PATCH /api/reviews/{id}}: fields present are changed. */
public record ReviewChange(Integer rating, String text, Boolean read) {
}
