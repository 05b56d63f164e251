package dev.cachedeck.server.catalog;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.KeyKind;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.cache.DataType;
import java.util.List;
import java.util.Optional;

/**
 * What a key under the prefix is, which entity it belongs to and which cached route's data it holds, read
 * from the same tables that build keys ({@link Family}, {@link CachedRoute}, {@link Tag.Kind}). The key
 * browser, the namespace summary and purges all parse here.
 */
public final class KeyParser {
    /** A key's shape. {@code kind} is ENTRY for every tier key: only its value tells a lease apart. */
    public record ParsedKey(Tier tier, KeyKind kind, EntityType entity, Long entityId, String route) {
        public boolean belongsTo(EntityType type, long id) {
            return entity == type && entityId != null && entityId == id;
        }
    }

    private final CacheKeys keys;
    private final List<CachedRoute> routes;

    public KeyParser(CacheKeys keys, List<CachedRoute> routes) {
        this.keys = keys;
        this.routes = List.copyOf(routes);
    }

    /** The key's shape, or empty when it lies outside the application's namespace. */
    public Optional<ParsedKey> parse(String key) {
        if (!keys.owns(key)) {
            return Optional.empty();
        }
        String rest = keys.relative(key);
        if (rest.equals("seq")) {
            return Optional.of(new ParsedKey(null, KeyKind.SEQUENCE, null, null, null));
        }
        if (keys.isServerKey(key)) {
            return Optional.of(new ParsedKey(null, KeyKind.SERVER, null, null, null));
        }
        if (rest.startsWith("t:")) {
            return Optional.of(tagKey(KeyKind.TAG_SET, rest.substring(2)));
        }
        if (rest.startsWith("v:")) {
            return Optional.of(tagKey(KeyKind.TAG_VERSION, rest.substring(2)));
        }
        Tier tier = keys.tierOf(key);
        if (tier == null) {
            return Optional.of(new ParsedKey(null, KeyKind.UNKNOWN, null, null, null));
        }
        String inTier = rest.substring(tier.keySegment().length() + 1);
        return Optional.of(switch (tier) {
            case RESPONSE -> responseKey(inTier);
            case QUERY, MODEL -> familyKey(tier, inTier);
            case NEAR -> throw new IllegalStateException("no Redis key belongs to the near tier: " + key);
        });
    }

    /** {@code <route>:<path>?<query>[#principal]}, the path matched by the route that stored it. */
    private ParsedKey responseKey(String inTier) {
        int colon = inTier.indexOf(':');
        if (colon < 0) {
            return new ParsedKey(Tier.RESPONSE, KeyKind.ENTRY, null, null, null);
        }
        String name = inTier.substring(0, colon);
        String path = inTier.substring(colon + 1).split("[?#]", 2)[0];
        for (CachedRoute route : routes) {
            if (route.name().equals(name)) {
                Optional<Long> id = route.match(path);
                EntityType entity = route.type() == DataType.JOB ? EntityType.JOB : EntityType.USER;
                return new ParsedKey(Tier.RESPONSE, KeyKind.ENTRY, id.isPresent() ? entity : null, id.orElse(null), name);
            }
        }
        return new ParsedKey(Tier.RESPONSE, KeyKind.ENTRY, null, null, null);
    }

    private static ParsedKey familyKey(Tier tier, String inTier) {
        for (Family family : Family.values()) {
            if (family.tier() == tier && inTier.startsWith(family.start())) {
                Long id = leadingId(inTier.substring(family.start().length()));
                return new ParsedKey(tier, KeyKind.ENTRY, id == null ? null : family.entity(), id, family.route());
            }
        }
        return new ParsedKey(tier, KeyKind.ENTRY, null, null, null);
    }

    private static ParsedKey tagKey(KeyKind kind, String tag) {
        int colon = tag.lastIndexOf(':');
        Tag.Kind tagKind = colon < 0 ? null : Tag.Kind.fromWire(tag.substring(0, colon));
        EntityType entity = tagKind == null ? null : tagKind.entity();
        Long id = entity == null ? null : leadingId(tag.substring(colon + 1));
        return new ParsedKey(null, kind, id == null ? null : entity, id, null);
    }

    /** The decimal id at the start of {@code text}, up to a colon or the end; null when there is none. */
    private static Long leadingId(String text) {
        int end = text.indexOf(':');
        String digits = end < 0 ? text : text.substring(0, end);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
