package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import dev.cachedeck.desktop.endpoints.EndpointRow;
import dev.cachedeck.desktop.fleet.InstanceRow;
import dev.cachedeck.model.ApiPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window watching two real servers (each with its own H2 and embedded Redis, the second given as another
 * {@code --server}): the dashboard turns into the fleet's, the Endpoints table splits by instance, and a server
 * that stops is shown as unreachable.
 */
@ExtendWith(ApplicationExtension.class)
class FleetWindowTest {
    private static EmbeddedServerConnection other;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DesktopHarness app;

    @BeforeAll
    static void startTheOtherServer() {
        other = EmbeddedServerConnection.start(DesktopHarness.embeddedSettings());
    }

    @AfterAll
    static void stopTheOtherServer() {
        if (other != null) {
            other.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "dashboardTab", List.of(other.baseUri()));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private int get(URI server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", "Bearer " + DesktopHarness.ADMIN_TOKEN).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void twoServersShowFleetTotalsALinePerInstanceAndOneThatStopsAsUnreachable(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        VBox fleetCard = robot.lookup("#fleetCard").queryAs(VBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, fleetCard::isVisible);
        for (int round = 0; round < 40; round++) {
            assertEquals(200, get(app.baseUri(), ApiPaths.profile(1 + round % 5)));
            assertEquals(200, get(other.baseUri(), ApiPaths.job(1 + round % 3)));
            Thread.sleep(50);
        }
        TableView<InstanceRow> instances = robot.lookup("#instancesTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> instances.getItems().size() == 3
                && instances.getItems().stream().allMatch(row -> row.figures().hitRate() != null));
        assertEquals(List.of(InstanceRow.Kind.FLEET, InstanceRow.Kind.ANSWERING, InstanceRow.Kind.ANSWERING),
                instances.getItems().stream().map(InstanceRow::kind).toList());
        assertEquals(Set.of(app.baseUri().toString(), other.baseUri().toString()),
                instances.getItems().stream().skip(1).map(InstanceRow::url).collect(Collectors.toSet()));
        assertEquals("Latency p95 (slowest instance, last second)",
                robot.lookup("#p95Title").queryAs(Label.class).getText());
        // The tiles and the fleet's line are made from the same merged seconds, not from what the stream drew.
        Label requestsTile = robot.lookup("#requestsValue").queryAs(Label.class);
        String[] shown = new String[2];
        robot.interact(() -> {
            shown[0] = requestsTile.getText();
            shown[1] = String.format(Locale.ROOT, "%.1f", instances.getItems().getFirst().figures().requestsPerSecond());
        });
        assertEquals(shown[1], shown[0]);
        // The window choice's shortest span, so the few seconds of traffic fill the charts.
        robot.interact(() -> robot.lookup("#windowChoice").queryComboBox().getSelectionModel().selectFirst());
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        app.snapshot("dashboard-fleet");

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        CheckBox split = robot.lookup("#splitByInstance").queryAs(CheckBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, split::isVisible);
        TableView<EndpointRow> endpoints = robot.lookup("#endpointsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> endpoints.getItems().stream()
                .anyMatch(row -> row.route().equals("profile")) && endpoints.getItems().stream()
                .anyMatch(row -> row.route().equals("job")));
        assertTrue(endpoints.getItems().stream().allMatch(row -> row.instance().equals(EndpointRow.ALL)));
        robot.interact(() -> split.setSelected(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> endpoints.getItems().stream()
                .map(EndpointRow::instance).collect(Collectors.toSet()).size() == 2);
        app.snapshot("endpoints-fleet");

        robot.interact(() -> tabs.getSelectionModel().select(0));
        other.close();
        other = null;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> instances.getItems().stream()
                .anyMatch(row -> row.kind() == InstanceRow.Kind.UNREACHABLE));
        assertEquals("1 of 2 answering", instances.getItems().getFirst().state());
        app.snapshot("dashboard-fleet-unreachable");
    }
}
