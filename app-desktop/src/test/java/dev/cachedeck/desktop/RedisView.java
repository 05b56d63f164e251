package dev.cachedeck.desktop;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;

/** Asks the embedded Redis itself what it holds, so tests do not take the server's word for it. */
final class RedisView implements AutoCloseable {
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

    boolean exists(String key) {
        return connection.sync().exists(key) == 1;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
