package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.monitor.InstanceInfo;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** On a Redis Cluster the registrations spread over the masters, and the list reads every one of them. */
class InstancesOnAClusterTest {

    @Test
    void registrationsOnEveryMasterAreListedAndForeignValuesSkipped() throws Exception {
        ObjectMapper mapper = CacheDeckJson.newMapper();
        try (TestRedis cluster = TestRedis.cluster();
             CacheDeckServer server = cluster.start();
             RedisProbe redis = cluster.probe(server)) {
            List<String> others = oneIdPerMaster(redis);
            for (String id : others) {
                InstanceInfo info = new InstanceInfo(id, "http://" + id, Instant.EPOCH, Instant.now());
                redis.redis().psetex("cd:instance:" + id, 60_000, mapper.writeValueAsString(info));
            }
            redis.redis().set("cd:instance:not-json", "written by something else");

            JsonNode list = new ApiClient(server.baseUri()).get(ApiPaths.ADMIN_INSTANCES, TestServers.ADMIN_TOKEN)
                    .json();

            TreeSet<String> expected = new TreeSet<>(others);
            expected.add("127.0.0.1:" + server.port());
            List<String> listed = new ArrayList<>();
            list.get("instances").forEach(instance -> listed.add(instance.get("id").asText()));
            assertFalse(list.get("partial").asBoolean());
            assertEquals(List.copyOf(expected), listed, "every registration once, ordered by id");
        }
    }

    /** Ids whose registration keys hash to different masters, one per master. */
    private static List<String> oneIdPerMaster(RedisProbe redis) {
        Map<String, String> idByMaster = new HashMap<>();
        for (int n = 0; idByMaster.size() < redis.masters(); n++) {
            String id = "other-" + n;
            idByMaster.putIfAbsent(redis.ownerOf("cd:instance:" + id), id);
        }
        return List.copyOf(idByMaster.values());
    }
}
