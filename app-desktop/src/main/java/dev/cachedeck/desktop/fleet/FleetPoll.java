package dev.cachedeck.desktop.fleet;

import dev.cachedeck.model.monitor.StatsTick;
import java.util.List;

/**
 * What one poll of the fleet brought.
 *
 * @param redrawn true when the answering instances are not the ones of the last poll (one joined, stopped or came
 *                back): every second held was merged again, so {@code seconds} is the whole history and whatever
 *                was drawn before must go
 * @param seconds the fleet's seconds, oldest first: the new ones, or all of them when redrawn
 */
public record FleetPoll(boolean redrawn, List<StatsTick> seconds) {
    public FleetPoll {
        seconds = List.copyOf(seconds);
    }
}
