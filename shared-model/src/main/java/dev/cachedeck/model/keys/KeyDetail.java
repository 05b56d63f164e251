package dev.cachedeck.model.keys;

import java.util.List;

/**
 * {@code GET /admin/keys/{key}}: one key with its decoded value.
 *
 * @param valueJson    pretty-printed JSON: an entry's payload (decompressed), a tag set's members as an
 *                     array, a version or sequence as a number; null for a lease placeholder
 * @param tags         an entry's dependencies (empty for other kinds)
 * @param storedBytes  length of the stored value as Redis holds it (compressed when it was large)
 * @param payloadBytes length of the decoded payload, -1 when the key is not an entry
 * @param heldNear     whether the instance that answered holds a copy of this entry in its near tier
 */
public record KeyDetail(KeyInfo info, String valueJson, List<TagDependency> tags, long storedBytes,
                        long payloadBytes, boolean heldNear) {
    public KeyDetail {
        tags = List.copyOf(tags);
    }
}
