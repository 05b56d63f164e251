package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.desktop.shell.ComponentRow;
import dev.cachedeck.model.monitor.Health;
import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless on Monocle, watching a real embedded server (H2 in memory, embedded Redis). */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    private static final Path SCREENSHOT = DesktopHarness.SCREENSHOTS.resolve("shell.png");

    private Stage stage;
    private AppSession session;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ServerSettings settings = ServerSettings.load(Config.create(), Map.of())
                .withInMemory(true)
                .withScale(0.02)
                .withPort(0)
                .withAdminToken("test-admin-token");
        Preferences prefs = Preferences.userRoot().node("dev/cachedeck/desktop-test");
        prefs.clear();
        prefs.put("page", "CONTROL");
        prefs.putDouble("width", 1280);
        prefs.putDouble("height", 820);
        session = CacheDeckApp.open(stage, new ServerConnector.Embedded(() -> EmbeddedServerConnection.start(settings)),
                List.of(), prefs);
    }

    @AfterEach
    void stopServer() {
        assertTrue(session.close(Duration.ofSeconds(20)), "the embedded server did not stop in time");
    }

    @Test
    void showsTheEmbeddedServerConnectedWithDatabaseAndRedisUp(FxRobot robot) throws Exception {
        Label badge = robot.lookup("#stateBadge").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> badge.getText().equals("CONNECTED"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("CacheDeck", stage.getTitle());
        assertTrue(badge.getStyleClass().contains("state-connected"), badge.getStyleClass().toString());
        assertTrue(robot.lookup("#serverUrlLabel").queryAs(Label.class).getText().matches("http://127\\.0\\.0\\.1:\\d+"));
        TableView<?> table = robot.lookup("#componentsTable").queryAs(TableView.class);
        List<ComponentRow> rows = table.getItems().stream().map(ComponentRow.class::cast).toList();
        assertEquals(List.of("Database", "Redis"), rows.stream().map(ComponentRow::name).toList());
        assertTrue(rows.stream().allMatch(row -> row.status() == Health.Status.UP), rows.toString());
        assertEquals("Database UP", robot.lookup("#databaseChip").queryAs(Label.class).getText());
        assertEquals("Redis UP", robot.lookup("#redisChip").queryAs(Label.class).getText());

        snapshot(SCREENSHOT);
    }

    private void snapshot(Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
