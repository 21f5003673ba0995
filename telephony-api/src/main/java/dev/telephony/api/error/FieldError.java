package dev.telephony.api.error;

import java.util.Objects;

/**
 * One broken rule of a request: the field (a path such as {@code search.limit} or
 * {@code numbers[2]}) and the rule it broke, in words.
 *
 * @param field the offending field
 * @param rule  the rule, for example "must be between 1 and 100, was 0"
 */
public record FieldError(String field, String rule) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
