package dev.cachedeck.server.store;

import dev.cachedeck.sample.DatasetSpec;

/** Where the database is and which sample dataset fills it on first start. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize, DatasetSpec dataset) {
}
