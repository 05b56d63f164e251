package dev.cachedeck.server.http;

import dev.cachedeck.model.api.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects every field-level complaint about a body so the client learns all of them at once. */
public final class FieldChecks {
    private final List<FieldError> errors = new ArrayList<>();

    public FieldChecks required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    public FieldChecks text(String field, String value, int maxLength) {
        if (value != null && value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return this;
    }

    public FieldChecks range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
        return this;
    }

    public FieldChecks positiveId(String field, Long value) {
        if (value != null && value <= 0) {
            errors.add(new FieldError(field, "must be a positive integer id"));
        }
        return this;
    }

    /** A money amount: within [min, max] with at most two decimals. */
    public FieldChecks money(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return this;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must be from " + min.toPlainString() + " to " + max.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most two decimal places"));
        }
        return this;
    }

    /** A list of short tags stored comma-separated, so a tag may not contain a comma. */
    public FieldChecks tags(String field, List<String> values, int maxCount, int maxLength) {
        if (values == null) {
            return this;
        }
        if (values.size() > maxCount) {
            errors.add(new FieldError(field, "must have at most " + maxCount + " entries"));
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.length() > maxLength || value.contains(",")) {
                errors.add(new FieldError(field + "[" + i + "]",
                        "must be 1 to " + maxLength + " characters without commas"));
            }
        }
        return this;
    }

    public FieldChecks check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** Throws a 400 naming every failed field, if any. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
    }
}
