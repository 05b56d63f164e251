package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.ApiPaths;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> xCache(profile).contains("api=HIT"));

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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> xCache(profile).contains("api=HIT"));
    }

    private String xCache(String path) throws Exception {
        return app.get(path).headers().firstValue(ApiPaths.HEADER_CACHE).orElseThrow();
    }
}
