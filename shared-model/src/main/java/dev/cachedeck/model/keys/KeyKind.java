package dev.cachedeck.model.keys;

/** What a key under the application's prefix is for. */
public enum KeyKind {
    /** A cached value of one of the three tiers. */
    ENTRY,
    /** A tier key holding a lease placeholder: a reader is loading the value right now. */
    LEASE,
    /** {@code <prefix>:t:<tag>}: the keys that depend on a tag. */
    TAG_SET,
    /** {@code <prefix>:v:<tag>}: the invalidation sequence number last applied to a tag. */
    TAG_VERSION,
    /** {@code <prefix>:seq}: the global invalidation sequence. */
    SEQUENCE,
    /** {@code <prefix>:epoch} and {@code <prefix>:instance:<id>}: the database epoch and the instance registrations. */
    SERVER,
    /** Under the prefix but of no shape the application writes. */
    UNKNOWN
}
