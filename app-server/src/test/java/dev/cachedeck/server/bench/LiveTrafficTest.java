package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/traffic} against a real embedded server: steady traffic until stopped, its delay put back. */
class LiveTrafficTest {
    private static final String TOKEN = TestServers.ADMIN_TOKEN;
    private static CacheDeckServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        server = TestServers.start();
        client = new ApiClient(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void trafficFlowsUntilStoppedAndTheDatabaseDelayIsPutBack() throws Exception {
        long before = requests();
        ApiClient.Reply started = client.put(ApiPaths.ADMIN_TRAFFIC, TOKEN,
                "{\"ratePerSecond\":50,\"writePercent\":10,\"zipfSkew\":1.0,\"dbDelayMillis\":2}");
        assertEquals(200, started.status(), started.raw().body());
        assertTrue(started.json().get("running").asBoolean());
        assertEquals(2.0, client.get(ApiPaths.ADMIN_DATABASE_DELAY, TOKEN).json().get("millis").asDouble(),
                "the traffic's simulated delay is in force");
        assertEquals(409, client.post(ApiPaths.ADMIN_BENCH, TOKEN, "{\"phases\":[\"WARM\"],\"phaseSeconds\":1,"
                + "\"warmupSeconds\":0,\"ratePerSecond\":10,\"concurrency\":2,\"writePercent\":0,\"zipfSkew\":1,"
                + "\"dbDelayMillis\":0,\"seed\":1,\"capacitySeconds\":0}").status(), "no scenario beside it");

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (requests() < before + 20 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(requests() >= before + 20, "the API saw the traffic: " + (requests() - before));

        ApiClient.Reply stopped = client.delete(ApiPaths.ADMIN_TRAFFIC, TOKEN);
        assertEquals(200, stopped.status());
        assertFalse(stopped.json().get("running").asBoolean());
        assertEquals(0.0, client.get(ApiPaths.ADMIN_DATABASE_DELAY, TOKEN).json().get("millis").asDouble());
        long afterStop = settledRequests();
        Thread.sleep(300);
        assertEquals(afterStop, requests(), "nothing is sent once stopped");
    }

    /**
     * The request counter once the last answers are counted: the server counts a request when its exchange
     * ends, which can be a moment after the generator has read the answer and the stop has returned.
     */
    private static long settledRequests() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long previous = requests();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = requests();
            if (now == previous) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    @Test
    void aSpecOutOfRangeIsRefusedWithTheFieldsNamed() {
        ApiClient.Reply reply = client.put(ApiPaths.ADMIN_TRAFFIC, TOKEN,
                "{\"ratePerSecond\":0,\"writePercent\":101,\"zipfSkew\":1.0,\"dbDelayMillis\":0}");
        assertEquals(400, reply.status());
        String fields = reply.json().get("errors").toString();
        assertTrue(fields.contains("ratePerSecond") && fields.contains("writePercent"), fields);
        assertFalse(client.get(ApiPaths.ADMIN_TRAFFIC, TOKEN).json().get("running").asBoolean());
    }

    private static long requests() {
        return client.get("/admin/stats", TOKEN).json().get("requests").asLong();
    }
}
