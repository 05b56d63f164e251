package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Set;
import java.util.function.Function;

/**
 * One cacheable read: its key, its data type (for the TTL), the Jackson type of its value, and
 * the tags it depends on, which may depend on the value itself (a page of reviews depends on the
 * profile of every reviewer whose name it shows).
 */
public record CachedRead<T>(String key, DataType type, JavaType valueType, Function<T, Set<Tag>> tags) {
    public static <T> CachedRead<T> of(String key, DataType type, JavaType valueType, Set<Tag> tags) {
        return new CachedRead<>(key, type, valueType, value -> tags);
    }
}
