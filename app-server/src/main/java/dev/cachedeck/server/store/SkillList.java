package dev.cachedeck.server.store;

import java.util.Arrays;
import java.util.List;

/** Skills are stored as one comma-separated column; this is the only code that knows it. */
public final class SkillList {
    private SkillList() {
    }

    public static List<String> split(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<String> skills) {
        return String.join(",", skills.stream().map(String::trim).toList());
    }
}
