package dev.cachedeck.server.profile;

import dev.cachedeck.model.api.Profile;
import dev.cachedeck.model.api.ProfileChange;
import dev.cachedeck.server.auth.Principal;
import dev.cachedeck.server.catalog.CacheCatalog;
import dev.cachedeck.server.catalog.CachedReads;
import dev.cachedeck.server.catalog.WriteEvent;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.FieldChecks;
import java.math.BigDecimal;
import java.time.Clock;

/** Profile reads and edits. */
public final class ProfileService {
    private static final BigDecimal MAX_HOURLY_RATE = new BigDecimal("10000.00");

    private final UserRepository users;
    private final CacheCatalog caches;
    private final Clock clock;

    public ProfileService(UserRepository users, CacheCatalog caches, Clock clock) {
        this.users = users;
        this.caches = caches;
        this.clock = clock;
    }

    /** The user from the model tier (a missing user is cached too), or 404. */
    public User requireUser(long id) {
        User user = caches.fetch(CachedReads.user(id, User.class), () -> users.findById(id).orElse(null));
        if (user == null) {
            throw ApiProblem.notFound("user", id);
        }
        return user;
    }

    public Profile profile(long id) {
        User user = requireUser(id);
        return new Profile(user.id(), user.displayName(), user.bio(), user.skills(), user.hourlyRate(),
                user.location(), user.client(), user.memberSince(), user.updatedAt(),
                caches.fetch(CachedReads.profileStats(id), () -> users.statsOf(id)));
    }

    public Profile update(Principal principal, long id, ProfileChange change) {
        principal.requireSelfOrAdmin(id, "edit this profile");
        new FieldChecks()
                .check(change.displayName() != null || change.bio() != null || change.skills() != null
                        || change.hourlyRate() != null || change.location() != null,
                        "body", "name at least one of displayName, bio, skills, hourlyRate, location")
                .text("displayName", change.displayName(), 100)
                .text("bio", change.bio(), 2000)
                .tags("skills", change.skills(), 20, 40)
                .money("hourlyRate", change.hourlyRate(), BigDecimal.ZERO, MAX_HOURLY_RATE)
                .text("location", change.location(), 100)
                .orThrow();
        if (!users.update(id, change, clock.instant())) {
            throw ApiProblem.notFound("user", id);
        }
        caches.written(new WriteEvent.ProfileUpdated(id));
        return profile(id);
    }
}
