package dev.cachedeck.desktop.fleet;

import dev.cachedeck.model.monitor.StatsSnapshot;
import java.util.List;

/**
 * Every member's snapshot, asked at once.
 *
 * @param answered    the members that answered, in the fleet's order
 * @param unreachable what the others said, one line each ("id: why")
 * @param members     how many were asked
 */
public record Snapshots(List<Answer> answered, List<String> unreachable, int members) {
    /** One instance's answer, under the id it answered as. */
    public record Answer(String instance, StatsSnapshot snapshot) {
    }

    public Snapshots {
        answered = List.copyOf(answered);
        unreachable = List.copyOf(unreachable);
    }
}
