package dev.cachedeck.sample;

import java.sql.SQLException;

/** Puts one generated table into the database and commits it; returns the number of rows. */
interface TableInserter {
    long insert(MarketplaceTable table, MarketplaceGenerator generator) throws SQLException;
}
