package dev.cachedeck.server.store;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A pause added to every database statement, so an embedded H2 on a laptop can show what a networked
 * database's round trip would cost. Changed at runtime by the admin API and the bench scenario.
 */
public final class SimulatedDelay {
    private volatile Duration delay;

    public SimulatedDelay(Duration initial) {
        this.delay = requireValid(initial);
    }

    public Duration current() {
        return delay;
    }

    public void set(Duration newDelay) {
        delay = requireValid(newDelay);
    }

    /** Sleeps for the current delay; Thread.sleep unmounts a virtual thread, so waiting costs no carrier. */
    void pause() throws SQLException {
        Duration current = delay;
        if (current.isZero()) {
            return;
        }
        try {
            Thread.sleep(current);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // A proxy may only throw what the JDBC method declares.
            throw new SQLException("interrupted during the simulated database delay", e);
        }
    }

    private static Duration requireValid(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("simulated delay must not be negative: " + value);
        }
        return value;
    }
}
