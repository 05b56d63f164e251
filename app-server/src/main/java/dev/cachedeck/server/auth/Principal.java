package dev.cachedeck.server.auth;

import dev.cachedeck.server.http.ApiProblem;

/** Who is acting: the admin, or one user (by id). */
public record Principal(long userId, boolean admin) {
    public static Principal ofAdmin() {
        return new Principal(0, true);
    }

    public static Principal ofUser(long userId) {
        return new Principal(userId, false);
    }

    /** Throws 403 unless this principal is the given user or the admin. */
    public void requireSelfOrAdmin(long ownerId, String what) {
        if (!admin && userId != ownerId) {
            throw ApiProblem.forbidden("only user " + ownerId + " or an admin may " + what);
        }
    }

    /** A stable label used to key private cached responses per caller. */
    public String label() {
        return admin ? "admin" : "user:" + userId;
    }
}
