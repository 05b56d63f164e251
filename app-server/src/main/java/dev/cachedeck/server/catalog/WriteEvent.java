package dev.cachedeck.server.catalog;

/** A committed write, described by the entities it touched; {@link InvalidationRules} turns it into tags. */
public sealed interface WriteEvent {
    /** How the invalidation log names this write. */
    default String cause() {
        return this instanceof EntityInvalidated manual ? "manual " + manual.type().wireName() + " " + manual.id()
                : toString();
    }

    /** A review was created, edited, marked read or deleted. */
    record ReviewChanged(long reviewerId, long reviewedId, Long jobId) implements WriteEvent {
    }

    record ProfileUpdated(long userId) implements WriteEvent {
    }

    record PaymentCreated(long payerId, long payeeId) implements WriteEvent {
    }

    /** A job was created, updated or deleted. */
    record JobChanged(long jobId, long clientId) implements WriteEvent {
    }

    /** An operator asked for everything about one entity to go (admin API, desktop). */
    record EntityInvalidated(EntityType type, long id) implements WriteEvent {
    }
}
