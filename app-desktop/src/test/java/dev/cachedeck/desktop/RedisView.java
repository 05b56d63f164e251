package dev.cachedeck.desktop;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;

/** Asks the embedded Redis itself what it holds, so tests do not take the server's word for it. */
final class RedisView implements AutoCloseable {
    /** Keys shaped like query-tier review pages, so the namespace tree files them under a tier and entity. */
    private static final String FILL = """
            for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do
              redis.call('SET', 'cd:q:reviews:user:' .. i .. ':all', ARGV[3], 'PX', ARGV[4])
            end
            return 0
            """;
    /** Keys per script call: a million keys in about 5 s without blocking Redis for long at a time. */
    private static final int FILL_BATCH = 20_000;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisView(String url) {
        client = RedisClient.create(url);
        connection = client.connect();
    }

    List<String> keys(String match) {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(match).limit(500)).forEachRemaining(keys::add);
        return keys;
    }

    /** Writes {@code cd:q:reviews:user:N:all} for N from 1 to {@code count}, 64-byte values expiring after {@code ttl}. */
    void fillQueryKeys(int count, Duration ttl) {
        String value = "x".repeat(64);
        for (int from = 1; from <= count; from += FILL_BATCH) {
            connection.sync().eval(FILL, ScriptOutputType.INTEGER, new String[0], String.valueOf(from),
                    String.valueOf(Math.min(count, from + FILL_BATCH - 1)), value, String.valueOf(ttl.toMillis()));
        }
    }

    long dbSize() {
        return connection.sync().dbsize();
    }

    boolean exists(String key) {
        return connection.sync().exists(key) == 1;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
