package dev.cachedeck.desktop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.ScenarioSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoViewModelTest {
    private final FakeAdminApi admin = new FakeAdminApi();
    private final CurrentThreadTasks tasks = new CurrentThreadTasks();
    private final DemoViewModel model = new DemoViewModel(admin, tasks);

    private static BenchStatus running(ScenarioSpec spec, double progress) {
        return new BenchStatus(BenchState.RUNNING, spec, PhaseName.COLD, null, false, progress, 12, List.of(), null,
                null);
    }

    private static BenchStatus done(ScenarioSpec spec) {
        return new BenchStatus(BenchState.DONE, spec, null, null, false, 1, 60, List.of(), null, null);
    }

    @Test
    void runSendsTheFormAsAScenarioAndPollsUntilItIsDone() {
        model.phaseSecondsProperty().set("4");
        model.ratePerSecondProperty().set("50");
        admin.benchStatus = running(ScenarioSpec.defaults(), 0.25);

        model.run();

        assertEquals(4, admin.startedSpec.phaseSeconds());
        assertEquals(50, admin.startedSpec.ratePerSecond());
        assertEquals(2, admin.startedSpec.warmupSeconds(), "warm-up at most half a phase");
        assertTrue(model.runningProperty().get());
        assertEquals(List.of(Duration.ofMillis(500)), tasks.repeating());

        admin.benchStatus = done(admin.startedSpec);
        tasks.elapse();
        assertFalse(model.runningProperty().get());
        assertEquals(1, model.progressProperty().get());
        assertEquals("Finished in 60 s.", model.stateProperty().get());
        assertTrue(tasks.repeating().isEmpty(), "no polling once it is over");
    }

    @Test
    void anEmptyRateAsksTheServerToCalibrate() {
        assertEquals("", model.ratePerSecondProperty().get(), "calibrated by default");
        admin.benchStatus = running(ScenarioSpec.defaults(), 0);

        model.run();

        assertEquals(ScenarioSpec.CALIBRATE, admin.startedSpec.ratePerSecond());
    }

    @Test
    void aNamedPresetSetsTheSimulatedDelayAndATypedDelaySelectsItsPreset() {
        assertEquals(DbDelayPreset.LOCAL, model.dbDelayPresetProperty().get(), "0 ms: a local database");

        model.dbDelayPresetProperty().set(DbDelayPreset.NETWORKED);
        assertEquals("1", model.dbDelayMillisProperty().get());
        model.dbDelayMillisProperty().set("5");
        assertEquals(DbDelayPreset.BUSY, model.dbDelayPresetProperty().get());
        model.dbDelayMillisProperty().set("2.5");
        assertEquals(null, model.dbDelayPresetProperty().get(), "a custom delay has no name");
        assertEquals("networked database: 1 ms per statement (simulated)", DbDelayPreset.NETWORKED.label());
    }

    @Test
    void aFormValueOutOfRangeIsRefusedBeforeAnythingIsSent() {
        model.writePercentProperty().set("150");

        model.run();

        assertTrue(admin.calls.isEmpty());
        assertTrue(model.status().failedProperty().get());
        assertEquals("Writes must be a number from 0 to 100.", model.status().messageProperty().get());
    }

    @Test
    void aScenarioStartedElsewhereFillsTheFormOnceSoEditsSurviveRefreshes() {
        ScenarioSpec elsewhere = new ScenarioSpec(ScenarioSpec.DEFAULT_PHASES, 30, 5, 200, 64, 10, 1.2, 2, 42, 5);
        admin.benchStatus = running(elsewhere, 0.5);

        model.refresh();
        assertEquals("30", model.phaseSecondsProperty().get());
        assertEquals("200", model.ratePerSecondProperty().get());

        model.ratePerSecondProperty().set("300");
        model.refresh();
        assertEquals("300", model.ratePerSecondProperty().get());
    }

    @Test
    void aServerWithoutTheScenarioRunnerHidesTheForm() {
        model.refresh();

        assertFalse(model.availableProperty().get());
        assertTrue(admin.calls.contains("benchStatus"));
    }

    @Test
    void aFailedScenarioShowsTheServersErrorAsAFailure() {
        admin.benchStatus = new BenchStatus(BenchState.FAILED, ScenarioSpec.defaults(), null, null, false, 0.3, 9, List.of(),
                null, "the database went away");

        model.refresh();

        assertEquals("The scenario failed.", model.stateProperty().get());
        assertTrue(model.status().failedProperty().get());
        assertEquals("the database went away", model.status().messageProperty().get());
    }

    @Test
    void stopAsksTheServerAndShowsItsAnswer() {
        admin.benchStatus = new BenchStatus(BenchState.STOPPED, ScenarioSpec.defaults(), null, null, false, 0.4, 20,
                List.of(), null, null);

        model.stop();

        assertEquals(List.of("stopBench"), admin.calls);
        assertEquals("Stopped by request.", model.stateProperty().get());
        admin.failing = new AdminProblem(0, "The server does not answer at 127.0.0.1:1.");
        model.stop();
        assertEquals("The server does not answer at 127.0.0.1:1.", model.status().messageProperty().get());
    }
}
