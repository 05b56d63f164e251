package dev.cachedeck.desktop.shell;

import dev.cachedeck.desktop.client.AdminProblem;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one line under a view that says what its last action did, or why it failed. Every view-model has one;
 * {@link StatusLabel} shows it.
 */
public final class StatusLine {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    /** The last action succeeded; {@code text} says what it did (empty says nothing). */
    public void done(String text) {
        failed.set(false);
        message.set(text);
    }

    public void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    public void problem(AdminProblem problem) {
        fail(problem.getMessage());
    }

    /** A failure message is about the last attempt; once a read succeeds it no longer describes the state. */
    public void clearFailure() {
        if (failed.get()) {
            done("");
        }
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
