package dev.cachedeck.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.monitor.RedisFigures;
import org.junit.jupiter.api.Test;

class RedisInfoTest {

    @Test
    void parsesTheFiguresFromEverySectionAndSumsKeysOverDatabases() {
        String info = String.join("\r\n",
                "# Server", "redis_version:6.2.11", "",
                "# Clients", "connected_clients:3", "",
                "# Memory", "used_memory:1048576", "used_memory_human:1.00M", "",
                "# Stats", "instantaneous_ops_per_sec:42", "expired_keys:7", "evicted_keys:2",
                "keyspace_hits:100", "keyspace_misses:25", "",
                "# Keyspace", "db0:keys=10,expires=9,avg_ttl=1000", "db3:keys=5,expires=0,avg_ttl=0", "");
        assertEquals(new RedisFigures(1_048_576, 15, 100, 25, 2, 7, 42, 3), RedisInfo.parse(info));
    }

    @Test
    void missingFieldsAreZeroNotAnError() {
        assertEquals(new RedisFigures(0, 0, 0, 0, 0, 0, 0, 0), RedisInfo.parse("# Server\r\nredis_version:7.0.0\r\n"));
    }
}
