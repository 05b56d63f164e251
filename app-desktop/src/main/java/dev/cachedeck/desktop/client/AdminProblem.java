package dev.cachedeck.desktop.client;

/**
 * An admin call that did not succeed, with a message a person can act on. {@link #unavailable()} means the
 * server has no such endpoint (an older server, or a feature not built into it), which views show as
 * "not available on this server" rather than as an error.
 */
public final class AdminProblem extends RuntimeException {
    private final int status;
    private final boolean unavailable;

    public AdminProblem(int status, String message) {
        this(status, false, message);
    }

    private AdminProblem(int status, boolean unavailable, String message) {
        super(message);
        this.status = status;
        this.unavailable = unavailable;
    }

    /** The server has no route for {@code what} ({@code "GET /admin/keys"}). */
    public static AdminProblem unavailable(String what) {
        return new AdminProblem(404, true, "Not available on this server (" + what + ").");
    }

    /** HTTP status of the answer; 0 when there was no answer at all. */
    public int status() {
        return status;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
