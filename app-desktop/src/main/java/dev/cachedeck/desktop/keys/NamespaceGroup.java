package dev.cachedeck.desktop.keys;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.NamespaceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tier (empty for bookkeeping keys) with its keys per entity type, for the namespace tree.
 *
 * @param entities rows of this tier, largest count first
 */
public record NamespaceGroup(Optional<Tier> tier, long count, long bytes, List<NamespaceRow> entities) {
    public NamespaceGroup {
        entities = List.copyOf(entities);
    }

    /** Groups summary rows by tier in tier order, bookkeeping last. */
    public static List<NamespaceGroup> of(List<NamespaceRow> rows) {
        Map<Optional<Tier>, List<NamespaceRow>> byTier = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            byTier.put(Optional.of(tier), new ArrayList<>());
        }
        byTier.put(Optional.empty(), new ArrayList<>());
        rows.forEach(row -> byTier.get(Optional.ofNullable(row.tier())).add(row));
        List<NamespaceGroup> groups = new ArrayList<>();
        byTier.forEach((tier, tierRows) -> {
            if (!tierRows.isEmpty()) {
                tierRows.sort(Comparator.comparingLong(NamespaceRow::count).reversed());
                groups.add(new NamespaceGroup(tier, tierRows.stream().mapToLong(NamespaceRow::count).sum(),
                        tierRows.stream().mapToLong(NamespaceRow::bytes).sum(), tierRows));
            }
        });
        return groups;
    }

    public String name() {
        return tier.map(Tier::displayName).orElse("Tag sets, versions");
    }
}
