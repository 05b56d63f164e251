package dev.cachedeck.server.bench;

import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.ScenarioSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** What a scenario may ask for, checked the same way for the admin API (400) and the command line (exit 2). */
final class ScenarioChecks {
    static final double MAX_DB_DELAY_MILLIS = 1000;
    static final double MAX_SKEW = 5;

    private ScenarioChecks() {
    }

    /** The fields of {@code spec} out of range for {@code limits}, each with what it must be; empty when fine. */
    static List<FieldError> errors(ScenarioSpec spec, BenchSettings limits) {
        double maxSeconds = limits.maxPhase().toSeconds();
        List<FieldError> errors = new ArrayList<>();
        if (spec.phases() == null || spec.phases().isEmpty()
                || new HashSet<>(spec.phases()).size() != spec.phases().size()) {
            errors.add(new FieldError("phases", "must list distinct phases out of "
                    + List.of(PhaseName.values())));
        }
        check(errors, spec.phaseSeconds() > 0 && spec.phaseSeconds() <= maxSeconds, "phaseSeconds",
                "must be above 0 and at most " + maxSeconds);
        check(errors, spec.warmupSeconds() >= 0 && spec.warmupSeconds() <= maxSeconds, "warmupSeconds",
                "must be from 0 to " + maxSeconds);
        check(errors, spec.capacitySeconds() >= 0 && spec.capacitySeconds() <= maxSeconds, "capacitySeconds",
                "must be from 0 to " + maxSeconds);
        check(errors, spec.ratePerSecond() >= ScenarioSpec.CALIBRATE && spec.ratePerSecond() <= limits.maxRate(),
                "ratePerSecond", "must be from 1 to " + limits.maxRate() + ", or 0 to calibrate");
        check(errors, spec.calibrated() || spec.plannedRequestsPerPhase() >= 1, "phaseSeconds",
                "must leave at least one request");
        check(errors, spec.concurrency() >= 1 && spec.concurrency() <= limits.maxConcurrency(), "concurrency",
                "must be from 1 to " + limits.maxConcurrency());
        check(errors, spec.writePercent() >= 0 && spec.writePercent() <= 100, "writePercent", "must be from 0 to 100");
        check(errors, spec.zipfSkew() >= 0 && spec.zipfSkew() <= MAX_SKEW, "zipfSkew", "must be from 0 to " + MAX_SKEW);
        check(errors, spec.dbDelayMillis() >= 0 && spec.dbDelayMillis() <= MAX_DB_DELAY_MILLIS, "dbDelayMillis",
                "must be from 0 to " + MAX_DB_DELAY_MILLIS);
        return errors;
    }

    /** The fields of a live traffic spec out of range; empty when fine. */
    static List<FieldError> errors(LiveTrafficSpec spec, BenchSettings limits) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, spec.ratePerSecond() >= 1 && spec.ratePerSecond() <= limits.maxRate(), "ratePerSecond",
                "must be from 1 to " + limits.maxRate());
        check(errors, spec.writePercent() >= 0 && spec.writePercent() <= 100, "writePercent", "must be from 0 to 100");
        check(errors, spec.zipfSkew() >= 0 && spec.zipfSkew() <= MAX_SKEW, "zipfSkew", "must be from 0 to " + MAX_SKEW);
        check(errors, spec.dbDelayMillis() >= 0 && spec.dbDelayMillis() <= MAX_DB_DELAY_MILLIS, "dbDelayMillis",
                "must be from 0 to " + MAX_DB_DELAY_MILLIS);
        return errors;
    }

    private static void check(List<FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }
}
