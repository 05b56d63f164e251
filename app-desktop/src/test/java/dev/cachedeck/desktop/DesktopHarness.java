package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import dev.cachedeck.desktop.connection.ServerConnection;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a stage, watching a real embedded server (H2 in memory, embedded Redis). */
final class DesktopHarness {
    static final String ADMIN_TOKEN = "test-admin-token";
    /**
     * Where the window tests save their pictures: target/screenshots, or docs/screenshots when the docs' pictures
     * are renewed ({@code -Dcachedeck.screenshots=$PWD/docs/screenshots}), so a test run leaves the tree clean.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("cachedeck.screenshots", "target/screenshots"));

    private final Stage stage;
    private final AppSession session;
    private final AtomicReference<ServerConnection> server = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DesktopHarness(Stage stage, AppSession session) {
        this.stage = stage;
        this.session = session;
    }

    /** Call from {@code @Start}: a 1280×820 window, window state kept away from the user's own preferences. */
    static DesktopHarness start(Stage stage, String tabId) throws BackingStoreException {
        return start(stage, tabId, List.of());
    }

    /** As {@link #start(Stage, String)}, the dashboard and Endpoints table also watching {@code otherServers}. */
    static DesktopHarness start(Stage stage, String tabId, List<URI> otherServers) throws BackingStoreException {
        ServerSettings settings = embeddedSettings();
        Preferences prefs = Preferences.userRoot().node("dev/cachedeck/desktop-test");
        prefs.clear();
        prefs.putDouble("width", 1280);
        prefs.putDouble("height", 820);
        DesktopHarness[] holder = new DesktopHarness[1];
        AppSession session = CacheDeckApp.open(stage, new ServerConnector.Embedded(() -> {
            ServerConnection started = EmbeddedServerConnection.start(settings);
            holder[0].server.set(started);
            return started;
        }), otherServers, prefs);
        holder[0] = new DesktopHarness(stage, session);
        TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId()))
                .findFirst().orElseThrow());
        return holder[0];
    }

    /** An embedded server as the window tests start it: H2 in memory at scale 0.02, the test admin token. */
    static ServerSettings embeddedSettings() {
        return ServerSettings.load(Config.create(), Map.of())
                .withInMemory(true)
                .withScale(0.02)
                .withPort(0)
                .withAdminToken(ADMIN_TOKEN);
    }

    Stage stage() {
        return stage;
    }

    void awaitConnected(FxRobot robot) throws Exception {
        Label badge = robot.lookup("#stateBadge").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> badge.getText().equals("CONNECTED"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Until the server's near tier takes entries: it starts once Redis tracks its keys, which may come a moment
     * after the window says CONNECTED, and a test counting near hits would otherwise count misses.
     */
    void awaitNearFilling() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> get("/admin/cache").body().contains("\"filling\":true"));
    }

    URI baseUri() {
        return server.get().baseUri();
    }

    /** A GET with the admin token (it may read every user's private data), body read whole. */
    HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code json} with the admin token. */
    HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT of {@code json} with the admin token. */
    HttpResponse<String> put(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The embedded server's Redis, for asserting what it really holds. */
    String redisUrl() {
        return ((EmbeddedServerConnection) server.get()).embeddedRedisUrl().orElseThrow();
    }

    void snapshot(String view) throws Exception {
        snapshotWindow(stage.getScene(), view);
    }

    /** A picture of any window's scene, such as a dialog's. */
    void snapshotWindow(Scene scene, String view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(view + ".png").toFile());
    }

    /** A picture of one part of the window, such as a card below the fold of a scrolling page. */
    void snapshotNode(Node node, String view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            // The page background behind the cards, as the window shows it, instead of the default white.
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(((Region) node.getScene().getRoot()).getBackground().getFills().getFirst().getFill());
            return node.snapshot(parameters, null);
        }).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(view + ".png").toFile());
    }

    void close() {
        assertTrue(session.close(Duration.ofSeconds(20)), "the embedded server did not stop in time");
    }
}
