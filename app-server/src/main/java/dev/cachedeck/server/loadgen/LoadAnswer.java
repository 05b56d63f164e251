package dev.cachedeck.server.loadgen;

/**
 * What the load client keeps of an answer: its status and the headers every CacheDeck API answer carries.
 *
 * @param cache        the {@code X-Cache} header, null when absent
 * @param dbStatements the {@code X-DB-Queries} header, 0 when absent
 * @param instance     the {@code X-CacheDeck-Instance} header (which server instance answered), null when absent
 */
public record LoadAnswer(int status, String cache, int dbStatements, String instance) {

    public boolean successful() {
        return status >= 200 && status <= 299;
    }
}
