package dev.cachedeck.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.client.AdminClient;
import dev.cachedeck.desktop.connection.ConnectionEvent;
import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import dev.cachedeck.desktop.connection.HealthPoller;
import dev.cachedeck.desktop.connection.RemoteServerConnection;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.desktop.connection.ServerSession;
import dev.cachedeck.desktop.control.ControlController;
import dev.cachedeck.desktop.control.PolicyController;
import dev.cachedeck.desktop.dashboard.DashboardController;
import dev.cachedeck.desktop.demo.DemoController;
import dev.cachedeck.desktop.demo.DemoExport;
import dev.cachedeck.desktop.endpoints.EndpointsController;
import dev.cachedeck.desktop.fleet.Fleet;
import dev.cachedeck.desktop.keys.KeysController;
import dev.cachedeck.desktop.shell.ConnectionViewModel;
import dev.cachedeck.desktop.shell.MainController;
import dev.cachedeck.desktop.shell.Page;
import dev.cachedeck.desktop.shell.ShellModel;
import dev.cachedeck.desktop.shell.WindowState;
import dev.cachedeck.desktop.tasks.BackgroundTasks;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.desktop.traces.TracesController;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The desktop program's one wiring place: options → connector → session → view-models → views. */
public final class CacheDeckApp extends Application {
    /** Health is cheap (one SQL probe, one PING); once a second keeps the badge current. */
    private static final Duration POLL_DELAY = Duration.ofSeconds(1);
    /** Loopback answers in milliseconds; longer than this is as good as no answer for a status badge. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    /** The embedded server stops in well under a second; a stuck stop must not keep the window open for good. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(15);
    /** Admin calls scan Redis or run a purge batch; longer than this and the user gets a message instead. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(20);
    /**
     * The other instances of a fleet are only polled for stats, once a second: an instance that takes longer is
     * shown as not answering rather than holding the fleet's figures back.
     */
    private static final Duration INSTANCE_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopOptions.parse(getParameters().getRaw(), System.getenv());
        AppSession session = open(stage, connector(options),
                options.servers().stream().skip(1).toList(), Preferences.userNodeForPackage(CacheDeckApp.class));
        stage.setOnCloseRequest(event -> {
            // The window stays up, saying what it waits for, until the server has stopped.
            event.consume();
            Thread.ofVirtual().name("shutdown").start(() -> {
                session.close(STOP_BOUND);
                Platform.exit();
            });
        });
    }

    private static ServerConnector connector(DesktopOptions options) {
        if (!options.servers().isEmpty()) {
            return new ServerConnector.Remote(options.servers().getFirst(), options.adminToken().orElseThrow());
        }
        return new ServerConnector.Embedded(() -> EmbeddedServerConnection.start(embeddedSettings(options)));
    }

    /** The server's own settings (application.yaml, environment) with the desktop's options on top. */
    static ServerSettings embeddedSettings(DesktopOptions options) {
        return options.embeddedSettings(ServerSettings.load(Config.create(), System.getenv()), DataFolder.ofThisUser());
    }

    /**
     * Shows the main window on {@code stage} and starts connecting to the server the tabs talk to; the dashboard
     * and the Endpoints table also watch {@code otherServers} and every instance the servers list. Window state is
     * kept in {@code prefs}; the caller closes the session.
     */
    static AppSession open(Stage stage, ServerConnector connector, List<URI> otherServers, Preferences prefs) {
        ServerSession session = new ServerSession(connector,
                server -> new HealthPoller(server, POLL_TIMEOUT, Clock.systemUTC()), POLL_DELAY);
        Tasks tasks = new BackgroundTasks(Platform::runLater);
        ObjectMapper mapper = CacheDeckJson.newMapper();
        AdminApi admin = new AdminClient(session::connection, ADMIN_TIMEOUT, mapper);
        // Every instance takes the admin token of the server the tabs talk to: a fleet shares one.
        Function<URI, AdminApi> instances = url -> new AdminClient(() -> session.connection()
                .map(server -> new RemoteServerConnection(url, server.adminToken())), INSTANCE_TIMEOUT, mapper);
        Fleet fleet = new Fleet(otherServers.stream().map(url -> new Fleet.EntryPoint(url, instances.apply(url)))
                .toList(), instances);
        Pages pages = Pages.create(admin, fleet, tasks, mapper, Clock.systemUTC(), ZoneId.systemDefault());
        ConnectionViewModel connection = new ConnectionViewModel(ZoneId.systemDefault());
        WindowState windowState = new WindowState(prefs);
        ShellModel shell = new ShellModel(pages.views(), connection.stateProperty(), windowState.page());
        KeysController keys = new KeysController(pages.keys());

        stage.setTitle("CacheDeck");
        stage.setScene(mainScene(Map.of(
                MainController.class, new MainController(connection, shell, windowState),
                DashboardController.class, new DashboardController(pages.dashboard(), pages.series(),
                        pages.liveTraffic(), pages.fleet()),
                EndpointsController.class, new EndpointsController(pages.endpoints(), route -> {
                    pages.traces().narrowTo(route);
                    shell.navigate(Page.TRACES);
                }),
                TracesController.class, new TracesController(pages.traces()),
                KeysController.class, keys,
                ControlController.class, new ControlController(pages.control()),
                PolicyController.class, new PolicyController(pages.policy()),
                DemoController.class, new DemoController(pages.demo(), new DemoExport(mapper)))));
        Shortcuts.install(stage.getScene(), shell, keys);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        windowState.restore(stage);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> windowState.remember(stage));
        stage.show();
        session.open(events(connection, pages, fleet, admin, tasks));
        return new AppSession(session, tasks);
    }

    /** The one place where connection events cross to the FX thread. */
    private static Consumer<ConnectionEvent> events(ConnectionViewModel connection, Pages pages, Fleet fleet,
                                                    AdminApi admin, Tasks tasks) {
        return event -> {
            if (event instanceof ConnectionEvent.Connected connected) {
                fleet.connected(new Fleet.EntryPoint(connected.baseUri(), admin));
                pages.feed().start();
                tasks.onUi(() -> pages.fleet().start());
            } else if (event instanceof ConnectionEvent.Stopping) {
                pages.feed().close();
                tasks.onUi(() -> pages.fleet().stop());
            }
            tasks.onUi(() -> connection.accept(event));
        };
    }

    private static Scene mainScene(Map<Class<?>, Object> controllers) {
        FXMLLoader loader = new FXMLLoader(MainController.class.getResource("MainView.fxml"));
        // Included views get their controllers from the same factory: built here, with their view-models.
        loader.setControllerFactory(type -> {
            Object controller = controllers.get(type);
            if (controller == null) {
                throw new IllegalStateException("no controller wired for " + type.getName());
            }
            return controller;
        });
        try {
            Parent root = loader.load();
            Scene scene = new Scene(root);
            scene.getStylesheets().add(CacheDeckApp.class.getResource("cachedeck.css").toExternalForm());
            return scene;
        } catch (IOException e) {
            throw new UncheckedIOException("MainView.fxml could not be loaded", e);
        }
    }
}
