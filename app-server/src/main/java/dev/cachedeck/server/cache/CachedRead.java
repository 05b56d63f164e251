package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.cachedeck.model.Tier;
import java.util.Set;
import java.util.function.Function;

/**
 * One cacheable read: the tier that keeps it, its key within that tier ({@code stats:user:42}; the engine
 * adds the namespace and the tier segment), its data type (for the TTL), the Jackson type of its value, and
 * the tags it depends on, which may depend on the value itself (a page of reviews depends on the profile of
 * every reviewer whose name it shows).
 */
public record CachedRead<T>(Tier tier, String key, DataType type, JavaType valueType, Function<T, Set<String>> tags) {
    public static <T> CachedRead<T> of(Tier tier, String key, DataType type, Class<T> valueType, Set<String> tags) {
        return new CachedRead<>(tier, key, type, TypeFactory.defaultInstance().constructType(valueType), value -> tags);
    }
}
