package dev.cachedeck.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestPostgres;
import dev.cachedeck.server.TestServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The same seed on H2 and on PostgreSQL: every read route answers the same status and JSON on both. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameAnswersOnBothDatabasesTest {
    private TestPostgres postgres;
    private CacheDeckServer onH2;
    private CacheDeckServer onPostgres;

    @BeforeAll
    void start() {
        postgres = new TestPostgres();
        onH2 = TestServers.start();
        onPostgres = TestServers.start(postgres);
    }

    @AfterAll
    void stop() {
        onPostgres.close();
        onH2.close();
        postgres.close();
    }

    @Test
    void sampledReadRoutesAnswerTheSameJson() {
        Fixtures fixtures = new Fixtures(onH2);
        List<String> paths = samplePaths(fixtures);
        ApiClient h2 = new ApiClient(onH2.baseUri());
        ApiClient pg = new ApiClient(onPostgres.baseUri());
        for (String path : paths) {
            Reply expected = h2.get(path, TestServers.ADMIN_TOKEN);
            Reply actual = pg.get(path, TestServers.ADMIN_TOKEN);
            assertEquals(expected.status(), actual.status(), path);
            assertEquals(expected.json(), actual.json(), path);
        }
    }

    /** Busy and quiet users and jobs, each filter, first and later pages, and ids that do not exist. */
    private static List<String> samplePaths(Fixtures fixtures) {
        List<Long> users = List.of(1L, 2L, 7L, fixtures.mostReviewedUser(), fixtures.mostActiveReviewer(),
                fixtures.busiestClient(), fixtures.busiestPayer(), 987_654_321L);
        List<String> paths = new ArrayList<>();
        for (long user : users) {
            paths.add("/api/get-profile/" + user);
            for (String filter : new String[] {"all", "recent", "unread"}) {
                paths.add("/api/reviews/" + user + "?filter=" + filter + "&size=50");
            }
            paths.add("/api/reviews/" + user + "?page=1&size=3");
            paths.add("/api/ratings/reviewer_" + user + "/?size=50");
            paths.add("/api/users/" + user + "/payments?size=50");
            paths.add("/api/clientjobs/" + user + "?size=50");
            paths.add("/api/clientjobs/" + user + "?status=open");
        }
        long firstJob = fixtures.anyJob();
        for (long job : new long[] {firstJob, firstJob + 1, firstJob + 250, 987_654_321L}) {
            paths.add("/api/jobs/" + job);
        }
        return paths;
    }
}
