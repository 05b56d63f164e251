package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.control.InvalidationRow;
import dev.cachedeck.desktop.control.PolicyRow;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Control tab switches tiers on the real server: the next request's X-Cache says so. */
@ExtendWith(ApplicationExtension.class)
class ControlWindowTest {
    private DesktopHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "controlTab");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void switchingTheResponseTierOffMakesTheNextRequestBypassIt(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        ToggleButton response = robot.lookup("#responseToggle").queryAs(ToggleButton.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> response.isSelected() && !response.isDisabled());
        String profile = ApiPaths.profile(1);
        xCache(profile);
        assertTrue(xCache(profile).contains("api=HIT"), "the request after a miss is served from the response tier");

        robot.clickOn(response);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !response.isSelected());
        HttpResponse<?> next = app.get(profile);
        assertEquals(200, next.statusCode());
        assertTrue(next.headers().firstValue(ApiPaths.HEADER_CACHE).orElseThrow().contains("api=BYPASS"),
                next.headers().map().toString());
        assertEquals("API response  OFF", response.getText());
        app.snapshot("control");

        robot.clickOn(response);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, response::isSelected);
        // The switch emptied the near tier: the next read is a Redis hit again.
        assertTrue(xCache(profile).contains("api=HIT"), "switched back on, the tier serves again");
    }

    @Test
    void theNearTierHasItsOwnSwitchAndShowsItsLimits(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        ToggleButton near = robot.lookup("#nearToggle").queryAs(ToggleButton.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> near.isSelected() && !near.isDisabled());
        assertTrue(robot.lookup("#nearLabel").queryAs(Label.class).getText().contains("of 100,000 entries"),
                "the limits of application.yaml");
        app.awaitNearFilling();
        String job = ApiPaths.job(2);
        // A miss, a Redis hit that fills the near tier, then near hits (on a loaded machine a request or two later).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> xCache(job).equals("near=HIT"));

        robot.clickOn(near);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !near.isSelected());
        assertEquals("api=HIT", xCache(job), "switched off, the near tier is not asked");
        assertEquals("Near (in-process)  OFF", near.getText());

        robot.clickOn(near);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, near::isSelected);
    }

    @Test
    void invalidatingAUserRemovesItsKeysInEveryTierAndLogsIt(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        for (long id : new long[] {3, 4}) {
            assertEquals(200, app.get(ApiPaths.profile(id)).statusCode());
            assertEquals(200, app.get(ApiPaths.reviewsReceived(id)).statusCode());
        }
        TableView<InvalidationRow> log = robot.lookup("#invalidationLog").queryTableView();
        try (RedisView redis = new RedisView(app.redisUrl())) {
            assertTrue(redis.exists("cd:m:user:3"));
            assertFalse(redis.keys("cd:api:profile:/api/get-profile/3*").isEmpty());
            assertFalse(redis.keys("cd:q:reviews:user:3:*").isEmpty());

            robot.clickOn("#invalidateEntityId").write("3");
            robot.clickOn("#invalidateButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !redis.exists("cd:m:user:3"));
            assertEquals(List.of(), redis.keys("cd:api:profile:/api/get-profile/3*"));
            assertEquals(List.of(), redis.keys("cd:q:reviews:user:3:*"));
            assertTrue(redis.exists("cd:m:user:4"), "another user's entries stay");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !log.getItems().isEmpty()
                && log.getItems().getFirst().cause().contains("user 3"));
        Label message = robot.lookup("#policyMessage").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Invalidated user 3:"), message.getText());
        app.snapshotNode(robot.lookup("#policyView").query(), "control-policy");
    }

    @Test
    void editingATtlCellChangesTheServersPolicyAndShowsItsRefusalInWords(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        TableView<PolicyRow> policy = robot.lookup("#ttlTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !policy.getItems().isEmpty());
        int profile = indexOf(policy, "profile");
        assertEquals("1 h", policy.getItems().get(profile).ttlText(Tier.RESPONSE));
        assertEquals("—", policy.getItems().get(indexOf(policy, "job-list")).ttlText(Tier.MODEL));
        Label message = robot.lookup("#policyMessage").queryAs(Label.class);

        editResponseTtl(robot, policy, profile, "8 d");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getPseudoClassStates().stream()
                .anyMatch(state -> state.getPseudoClassName().equals("failed")));
        assertEquals("1 h", policy.getItems().get(profile).ttlText(Tier.RESPONSE), "a refused TTL is not shown");

        editResponseTtl(robot, policy, profile, "2 h");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                policy.getItems().get(indexOf(policy, "profile")).ttlText(Tier.RESPONSE).equals("2 h"));
        String served = app.get(ApiPaths.ADMIN_CACHE_TTL).body();
        assertTrue(served.contains("{\"tier\":\"RESPONSE\",\"dataType\":\"profile\",\"ttlMillis\":7200000}"), served);
    }

    private static void editResponseTtl(FxRobot robot, TableView<PolicyRow> policy, int row, String typed) {
        robot.interact(() -> policy.edit(row, policy.getColumns().get(1)));
        robot.write(typed).type(KeyCode.ENTER);
    }

    private static int indexOf(TableView<PolicyRow> policy, String dataType) {
        List<PolicyRow> rows = policy.getItems();
        return rows.indexOf(rows.stream().filter(row -> row.dataType().equals(dataType)).findFirst().orElseThrow());
    }

    private String xCache(String path) throws Exception {
        return app.get(path).headers().firstValue(ApiPaths.HEADER_CACHE).orElseThrow();
    }
}
