package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.keys.KeyRow;
import dev.cachedeck.model.ApiPaths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The key browser against the real server and its Redis: list, filter, delete, purge with preview. */
@ExtendWith(ApplicationExtension.class)
class KeysWindowTest {
    private DesktopHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "keysTab");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsFiltersDeletesAndPurgesKeysThatRedisReallyHolds(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        for (long id = 1; id <= 6; id++) {
            assertEquals(200, app.get(ApiPaths.profile(id)).statusCode());
            assertEquals(200, app.get(ApiPaths.reviewsReceived(id)).statusCode());
        }
        TableView<KeyRow> table = robot.lookup("#keysTable").queryTableView();
        try (RedisView redis = new RedisView(app.redisUrl())) {
            robot.type(KeyCode.F5);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() > 12);

            robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
            robot.write("m:user:*").type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                    && table.getItems().stream().allMatch(row -> row.info().key().startsWith("cd:m:user:")));
            assertEquals(redis.keys("cd:m:user:*").size(), table.getItems().size());

            String chosen = table.getItems().getFirst().info().key();
            robot.interact(() -> table.getSelectionModel().select(0));
            TextArea value = robot.lookup("#valueArea").queryAs(TextArea.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> value.getText().contains("{"));
            app.snapshot("keys");
            robot.clickOn("#deleteKeyButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !redis.exists(chosen));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                    .noneMatch(row -> row.info().key().equals(chosen)));

            robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
            robot.write("q:*").type(KeyCode.ENTER);
            List<String> queryKeys = redis.keys("cd:q:*");
            assertFalse(queryKeys.isEmpty());
            robot.push(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#purgeConfirmButton")
                    .match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
            DialogPane dialog = robot.lookup(".purge-dialog").queryAs(DialogPane.class);
            assertTrue(dialog.getHeaderText().startsWith("Purge " + queryKeys.size() + " keys"), dialog.getHeaderText());
            app.snapshotWindow(dialog.getScene(), "keys-purge");
            Button purge = robot.lookup("#purgeConfirmButton").queryButton();
            assertFalse(purge.isDisabled());
            robot.clickOn(purge);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> redis.keys("cd:q:*").isEmpty());
        }
    }

    @Test
    void aLargePurgeShowsItsProgressUntilEveryKeyIsGone(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        // 50,000 keys at the server's 10,000 a second: the purge runs for seconds, several progress polls.
        int count = 50_000;
        try (RedisView redis = new RedisView(app.redisUrl())) {
            redis.fillQueryKeys(count, Duration.ofHours(1));
            robot.clickOn("#patternField").write("q:reviews:user:*").type(KeyCode.F5);
            TableView<KeyRow> table = robot.lookup("#keysTable").queryTableView();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 200);
            robot.push(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#purgeConfirmField")
                    .match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
            Button purge = robot.lookup("#purgeConfirmButton").queryButton();
            assertTrue(purge.isDisabled(), "a purge this large needs a typed confirmation");
            robot.clickOn("#purgeConfirmField").write("purge");
            robot.clickOn(purge);

            ProgressBar bar = robot.lookup("#purgeProgressBar").queryAs(ProgressBar.class);
            Label progress = robot.lookup("#purgeProgressLabel").queryAs(Label.class);
            Node row = robot.lookup("#purgeProgressRow").query();
            // Checked together in one wait: the bar and its text are updated on the FX thread, read here from another.
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> row.isVisible()
                    && bar.getProgress() > 0 && bar.getProgress() < 1
                    && progress.getText().matches("Purging: [0-9,]+ of 50,000 keys removed \\(\\d+%\\)…"));
            assertTrue(robot.lookup("#purgeFilterButton").queryButton().isDisabled());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bar.getProgress() > 0.3 && bar.getProgress() < 1);
            app.snapshot("keys-purging");

            Label message = robot.lookup("#keysMessage").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message.getText().startsWith("Purged 50,000 keys"));
            assertTrue(redis.keys("cd:q:reviews:user:*").isEmpty());
            assertFalse(row.isVisible());
            assertFalse(robot.lookup("#purgeFilterButton").queryButton().isDisabled());
        }
    }
}
