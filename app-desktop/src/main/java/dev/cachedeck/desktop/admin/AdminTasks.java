package dev.cachedeck.desktop.admin;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs admin calls on a background executor and hands their outcome to the UI executor, so view-models
 * never block the FX thread. Tests pass a direct executor for both and drive view-models synchronously.
 */
public final class AdminTasks {
    private final Executor background;
    private final Executor ui;

    public AdminTasks(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    public <T> void run(Supplier<T> call, Consumer<T> onResult, Consumer<AdminProblem> onProblem) {
        background.execute(() -> {
            T result;
            try {
                result = call.get();
            } catch (AdminProblem problem) {
                ui.execute(() -> onProblem.accept(problem));
                return;
            } catch (RuntimeException e) {
                AdminProblem problem = new AdminProblem(0, "Unexpected failure: " + e);
                ui.execute(() -> onProblem.accept(problem));
                return;
            }
            ui.execute(() -> onResult.accept(result));
        });
    }

    /** For work that must continue on the UI executor, such as a view-model update from a stream. */
    public void onUi(Runnable work) {
        ui.execute(work);
    }
}
