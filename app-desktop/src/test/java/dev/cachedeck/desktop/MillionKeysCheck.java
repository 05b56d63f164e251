package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.keys.KeyRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manual measurement, not part of the suite: fills the embedded Redis with a million keys under the app's
 * prefix and times the Keys tab's summary, first page, "load more", a rare-pattern search and the purge of every
 * key through the preview dialog (with the progress it shows), while an
 * AnimationTimer records the longest gap between two FX pulses (a blocked FX thread shows as a long gap).
 * Run with {@code -Dtest=MillionKeysCheck -Dcachedeck.millionKeys=true}; the numbers go to standard output.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "cachedeck.millionKeys", matches = "true")
class MillionKeysCheck {
    private static final int KEYS = 1_000_000;

    private DesktopHarness app;
    private final List<String> results = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "dashboardTab");
    }

    @AfterEach
    void stop() {
        results.forEach(System.out::println);
        app.close();
    }

    @Test
    void keysTabStaysResponsiveWithAMillionKeys(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        long fillStart = System.nanoTime();
        try (RedisView redis = new RedisView(app.redisUrl())) {
            redis.fillQueryKeys(KEYS, Duration.ofHours(1));
            results.add(String.format(Locale.ROOT, "filled %,d keys in %,d ms; dbsize %,d", KEYS,
                    elapsedMillis(fillStart), redis.dbSize()));
        }

        for (String path : List.of("/admin/keys?pattern=*&count=200", "/admin/keys/summary",
                "/admin/keys?pattern=*&count=200")) {
            long start = System.nanoTime();
            var answer = app.get(path);
            results.add(String.format(Locale.ROOT, "direct GET %s: HTTP %d, %,d bytes, %,d ms", path,
                    answer.statusCode(), answer.body().length(), elapsedMillis(start)));
        }

        AtomicLong lastPulse = new AtomicLong();
        AtomicLong longestGap = new AtomicLong();
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long last = lastPulse.getAndSet(now);
                if (last != 0) {
                    longestGap.accumulateAndGet(now - last, Math::max);
                }
            }
        };
        robot.interact(pulses::start);

        TableView<KeyRow> table = robot.lookup("#keysTable").queryTableView();
        Label summary = robot.lookup("#summaryNote").queryAs(Label.class);
        Label listNote = robot.lookup("#listNote").queryAs(Label.class);
        long open = System.nanoTime();
        robot.clickOn("Keys");
        timed("first page of the key list", open, () -> table.getItems().size() >= 200);
        timed("namespace summary", open, () -> !summary.getText().isEmpty());
        results.add("summary says: " + summary.getText());

        Button loadMore = robot.lookup("#loadMoreButton").queryButton();
        for (int click = 1; click <= 3; click++) {
            int before = table.getItems().size();
            long start = System.nanoTime();
            robot.interact(loadMore::fire);
            timed("load more #" + click + " (200 keys)", start, () -> table.getItems().size() > before);
        }
        results.add("list says: " + listNote.getText());

        TextField pattern = robot.lookup("#patternField").queryAs(TextField.class);
        String lastNote = listNote.getText();
        long search = System.nanoTime();
        robot.interact(() -> {
            pattern.setText("q:reviews:user:77777*");
            pattern.fireEvent(new javafx.event.ActionEvent());
        });
        int clicks = 1;
        timed("rare pattern, first click", search, () -> !listNote.getText().equals(lastNote));
        results.add("list says: " + listNote.getText());
        while (!listNote.getText().contains("scan complete") && clicks < 30) {
            String note = listNote.getText();
            robot.interact(loadMore::fire);
            clicks++;
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !listNote.getText().equals(note));
        }
        results.add(String.format(Locale.ROOT, "rare pattern, whole keyspace walked in %d clicks, %,d ms: %s; rows %d",
                clicks, elapsedMillis(search), listNote.getText(), table.getItems().size()));

        String beforePurge = listNote.getText();
        robot.interact(() -> {
            pattern.setText("q:reviews:user:*");
            pattern.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !listNote.getText().equals(beforePurge));
        long preview = System.nanoTime();
        robot.push(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        timed("purge preview of every key", preview, () -> robot.lookup("#purgeConfirmButton").tryQuery().isPresent());
        results.add(robot.lookup(".purge-dialog").queryAs(DialogPane.class).getHeaderText());
        robot.clickOn("#purgeConfirmField").write("purge");
        Label progress = robot.lookup("#purgeProgressLabel").queryAs(Label.class);
        List<String> seen = new ArrayList<>();
        long purge = System.nanoTime();
        robot.clickOn("#purgeConfirmButton");
        Label message = robot.lookup("#keysMessage").queryAs(Label.class);
        while (!message.getText().startsWith("Purged") && elapsedMillis(purge) < TimeUnit.MINUTES.toMillis(10)) {
            String shown = progress.getText();
            if (!shown.isEmpty() && (seen.isEmpty() || !seen.getLast().equals(shown))) {
                seen.add(shown);
            }
            Thread.sleep(200);
        }
        results.add(String.format(Locale.ROOT, "purge of every key: %,d ms, tab says: %s", elapsedMillis(purge),
                message.getText()));
        results.add(String.format(Locale.ROOT, "progress shown %d times, first %s, last %s", seen.size(),
                seen.isEmpty() ? "-" : seen.getFirst(), seen.isEmpty() ? "-" : seen.getLast()));
        assertTrue(message.getText().startsWith("Purged"), results.toString());
        assertFalse(robot.lookup("#purgeProgressRow").query().isVisible());

        robot.interact(pulses::stop);
        results.add(String.format(Locale.ROOT, "longest gap between FX pulses: %,d ms",
                TimeUnit.NANOSECONDS.toMillis(longestGap.get())));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(longestGap.get()) < 500, results.toString());
    }

    private void timed(String what, long start, BooleanSupplier done) throws Exception {
        Label message = app.stage().getScene().getRoot().lookupAll("#keysMessage").stream().map(Label.class::cast)
                .findFirst().orElseThrow();
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            results.add(what + ": not done after 60 s; the tab says: " + message.getText());
            throw e;
        }
        results.add(String.format(Locale.ROOT, "%s: %,d ms", what, elapsedMillis(start)));
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
