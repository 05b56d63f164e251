package dev.cachedeck.desktop;

import dev.cachedeck.desktop.connection.ConnectionEvent;
import dev.cachedeck.desktop.connection.EmbeddedServerConnection;
import dev.cachedeck.desktop.connection.HealthPoller;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.desktop.connection.ServerSession;
import dev.cachedeck.desktop.shell.ConnectionViewModel;
import dev.cachedeck.desktop.shell.MainController;
import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop program's one wiring place: options → connector → session → view-model → views. */
public final class CacheDeckApp extends Application {
    /** Health is cheap (one SQL probe, one PING); once a second keeps the badge current. */
    private static final Duration POLL_DELAY = Duration.ofSeconds(1);
    /** Loopback answers in milliseconds; longer than this is as good as no answer for a status badge. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    /** The embedded server stops in well under a second; a stuck stop must not keep the window open for good. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(15);

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
        ConnectionViewModel model = new ConnectionViewModel(ZoneId.systemDefault());
        // The one place where background events cross to the FX thread.
        Consumer<ConnectionEvent> onFxThread = event -> Platform.runLater(() -> model.accept(event));
        ServerSession session = new ServerSession(connector,
                server -> new HealthPoller(server, POLL_TIMEOUT, Clock.systemUTC()), POLL_DELAY, onFxThread);
        stage.setTitle("CacheDeck");
        stage.setScene(mainScene(model));
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        stage.show();
        session.open();
        return session;
    }

    private static Scene mainScene(ConnectionViewModel model) {
        FXMLLoader loader = new FXMLLoader(MainController.class.getResource("MainView.fxml"));
        loader.setControllerFactory(type -> new MainController(model));
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
