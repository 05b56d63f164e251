package dev.cachedeck.model.keys;

import java.util.List;

/** {@code PUT /admin/cache/ttl}: the cells to change; cells not listed keep their TTL. */
public record TtlUpdate(List<TtlRule> rules) {
}
