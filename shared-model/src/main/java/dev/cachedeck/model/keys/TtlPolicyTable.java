package dev.cachedeck.model.keys;

import java.util.List;

/**
 * {@code GET /admin/cache/ttl} and the answer to {@code PUT /admin/cache/ttl}: the whole TTL policy. Changes
 * apply to entries stored afterwards; entries already in Redis keep their TTL.
 *
 * @param jitter            each TTL is shortened at random by up to this fraction
 * @param negativeTtlMillis the cap for empty results
 */
public record TtlPolicyTable(List<TtlRule> rules, double jitter, long negativeTtlMillis) {
    public TtlPolicyTable {
        rules = List.copyOf(rules);
    }
}
