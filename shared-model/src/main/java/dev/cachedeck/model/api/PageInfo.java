package dev.cachedeck.model.api;

/** Where a page sits in its list: zero-based {@code number}, {@code size} rows asked, {@code total} rows in all. */
public record PageInfo(int number, int size, long total) {
}
