package dev.cachedeck.desktop;

import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminTasks;
import dev.cachedeck.desktop.connection.ConnectionEvent;
import dev.cachedeck.desktop.connection.ConnectionState;
import dev.cachedeck.desktop.control.ControlController;
import dev.cachedeck.desktop.control.ControlViewModel;
import dev.cachedeck.desktop.control.PolicyController;
import dev.cachedeck.desktop.control.PolicyViewModel;
import dev.cachedeck.desktop.dashboard.DashboardController;
import dev.cachedeck.desktop.dashboard.DashboardFeed;
import dev.cachedeck.desktop.dashboard.DashboardViewModel;
import dev.cachedeck.desktop.dashboard.LiveSeries;
import dev.cachedeck.desktop.demo.DemoController;
import dev.cachedeck.desktop.demo.DemoExport;
import dev.cachedeck.desktop.demo.DemoViewModel;
import dev.cachedeck.desktop.endpoints.EndpointsController;
import dev.cachedeck.desktop.endpoints.EndpointsViewModel;
import dev.cachedeck.desktop.keys.KeysController;
import dev.cachedeck.desktop.keys.KeysViewModel;
import dev.cachedeck.desktop.keys.PurgeProgressModel;
import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import dev.cachedeck.desktop.connection.HealthPoller;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.desktop.connection.ServerSession;
import dev.cachedeck.desktop.shell.ConnectionViewModel;
import dev.cachedeck.desktop.shell.MainController;
import dev.cachedeck.desktop.shell.WindowState;
import dev.cachedeck.desktop.traces.TracesController;
import dev.cachedeck.desktop.traces.TracesViewModel;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The desktop program's one wiring place: options → connector → session → view-model → views. */
public final class CacheDeckApp extends Application {
    /** Health is cheap (one SQL probe, one PING); once a second keeps the badge current. */
    private static final Duration POLL_DELAY = Duration.ofSeconds(1);
    /** Loopback answers in milliseconds; longer than this is as good as no answer for a status badge. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    /** The embedded server stops in well under a second; a stuck stop must not keep the window open for good. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(15);
    /** Admin calls scan Redis or run a purge batch; longer than this and the user gets a message instead. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(20);

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopOptions.parse(getParameters().getRaw(), System.getenv());
        ServerSession session = open(stage, connector(options));
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
        if (options.server().isPresent()) {
            return new ServerConnector.Remote(options.server().get(), options.adminToken().orElseThrow());
        }
        return new ServerConnector.Embedded(() -> EmbeddedServerConnection.start(
                options.embeddedSettings(ServerSettings.load(Config.create(), System.getenv()))));
    }

    /** Shows the main window on {@code stage} and starts connecting; the caller closes the session. */
    static ServerSession open(Stage stage, ServerConnector connector) {
        return open(stage, connector, Preferences.userNodeForPackage(CacheDeckApp.class));
    }

    /** As {@link #open(Stage, ServerConnector)}, keeping window state in {@code prefs}. */
    static ServerSession open(Stage stage, ServerConnector connector, Preferences prefs) {
        ConnectionViewModel connection = new ConnectionViewModel(ZoneId.systemDefault());
        ServerSession[] sessionRef = new ServerSession[1];
        AdminClient admin = new AdminClient(() -> sessionRef[0].connection(), ADMIN_TIMEOUT, CacheDeckJson.newMapper());
        AdminTasks tasks = new AdminTasks(Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
        WindowState windowState = new WindowState(prefs);

        DashboardViewModel dashboard = new DashboardViewModel();
        LiveSeries liveSeries = new LiveSeries();
        DashboardController dashboardController = new DashboardController(dashboard, liveSeries);
        DashboardFeed feed = new DashboardFeed(admin, liveSeries, Platform::runLater, ticks -> {
            dashboard.accept(ticks);
            dashboardController.followTime();
        }, dashboard::streamStatus);

        // The one place where connection events cross to the FX thread.
        Consumer<ConnectionEvent> onFxThread = event -> {
            if (event instanceof ConnectionEvent.Connected) {
                feed.start();
            } else if (event instanceof ConnectionEvent.Stopping) {
                feed.close();
            }
            Platform.runLater(() -> connection.accept(event));
        };
        ServerSession session = new ServerSession(connector,
                server -> new HealthPoller(server, POLL_TIMEOUT, Clock.systemUTC()), POLL_DELAY, onFxThread);
        sessionRef[0] = session;

        ControlViewModel control = new ControlViewModel(admin, tasks);
        DemoViewModel demo = new DemoViewModel(admin, tasks, Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("demo-poller").factory()));
        KeysViewModel keys = new KeysViewModel(admin, tasks, Clock.systemUTC(), new PurgeProgressModel(admin, tasks,
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("purge-poller").factory())));
        KeysController keysController = new KeysController(keys);
        PolicyViewModel policy = new PolicyViewModel(admin, tasks, ZoneId.systemDefault());
        EndpointsViewModel endpoints = new EndpointsViewModel(admin, tasks, Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("endpoints-poller").factory()), Clock.systemUTC(), ZoneId.systemDefault());
        TracesViewModel traces = new TracesViewModel(admin, tasks, ZoneId.systemDefault(),
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("traces-poller").factory()));
        Map<String, Runnable> refreshByTab = Map.of("controlTab", () -> {
                    control.refresh();
                    policy.refresh();
                }, "demoTab", demo::refresh,
                "keysTab", keys::refresh,
                "endpointsTab", endpoints::refresh,
                "tracesTab", traces::refresh);
        MainController main = new MainController(connection, windowState);
        Consumer<String> showTab = id -> main.tabs().getSelectionModel().select(main.tabs().getTabs().stream()
                .filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow());
        Map<Class<?>, Object> controllers = Map.of(
                MainController.class, main,
                DashboardController.class, dashboardController,
                ControlController.class, new ControlController(control),
                KeysController.class, keysController,
                PolicyController.class, new PolicyController(policy),
                EndpointsController.class, new EndpointsController(endpoints, route -> {
                    traces.narrowTo(route);
                    showTab.accept("tracesTab");
                }),
                TracesController.class, new TracesController(traces),
                DemoController.class, new DemoController(demo, new DemoExport(admin.mapper())));

        stage.setTitle("CacheDeck");
        stage.setScene(mainScene(controllers));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        windowState.restore(stage);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> windowState.remember(stage));
        Runnable refreshSelected = () -> {
            Runnable refresh = refreshByTab.get(main.tabs().getSelectionModel().getSelectedItem().getId());
            if (refresh != null && connection.stateProperty().get() != ConnectionState.STARTING) {
                refresh.run();
            }
        };
        main.tabs().getSelectionModel().selectedItemProperty().addListener((property, old, tab) -> {
            endpoints.active("endpointsTab".equals(tab.getId()));
            traces.active("tracesTab".equals(tab.getId()));
            refreshSelected.run();
        });
        String firstTab = main.tabs().getSelectionModel().getSelectedItem().getId();
        endpoints.active("endpointsTab".equals(firstTab));
        traces.active("tracesTab".equals(firstTab));
        connection.stateProperty().addListener((property, old, state) -> {
            if (state == ConnectionState.CONNECTED && old != ConnectionState.CONNECTED) {
                refreshSelected.run();
            }
        });
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F5), refreshSelected);
        Runnable showKeys = () -> showTab.accept("keysTab");
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            showKeys.run();
            keysController.focusFilter();
        });
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> {
            showKeys.run();
            keysController.purgeMatching();
        });
        for (int i = 0; i < main.tabs().getTabs().size() && i < 9; i++) {
            int index = i;
            stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> main.tabs().getSelectionModel().select(index));
        }
        stage.show();
        session.open();
        return session;
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
