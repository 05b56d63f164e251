package dev.cachedeck.model.bench;

/**
 * {@code GET /admin/bench/population}: what a load generator needs to know of the server it loads. The ids are
 * read from the database when a scenario starts, so every id it chooses exists.
 *
 * @param dataScale sample-data scale the database was filled with
 * @param database  {@code H2} or {@code external}
 * @param redis     {@code embedded} or {@code external}
 * @param clientIds users who posted at least one job ({@code clientjobs} chooses among them)
 */
public record Population(double dataScale, String database, String redis, long[] userIds, long[] clientIds,
                         long[] jobIds) {
}
