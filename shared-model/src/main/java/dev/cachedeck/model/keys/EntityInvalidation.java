package dev.cachedeck.model.keys;

/** {@code POST /admin/invalidate}: {@code {"entity":"user","id":42}} or {@code {"entity":"job","id":7}}. */
public record EntityInvalidation(String entity, Long id) {
}
