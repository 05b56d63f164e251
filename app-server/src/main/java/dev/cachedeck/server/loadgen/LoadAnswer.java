package dev.cachedeck.server.loadgen;

/**
 * What the load client keeps of an answer: its status and the two headers every CacheDeck API answer carries.
 *
 * @param cache        the {@code X-Cache} header, null when absent
 * @param dbStatements the {@code X-DB-Queries} header, 0 when absent
 */
public record LoadAnswer(int status, String cache, int dbStatements) {

    public boolean successful() {
        return status >= 200 && status <= 299;
    }
}
