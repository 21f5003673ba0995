package dev.telephony.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks a rule. Raised before any network call when the library can tell, or mapped
 * from the provider's validation error (HTTP 400/422) otherwise. Names each field and its rule.
 */
public class InvalidRequestException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> fieldErrors;

    public InvalidRequestException(List<FieldError> fieldErrors, ErrorContext context) {
        this(fieldErrors, context, null);
    }

    public InvalidRequestException(List<FieldError> fieldErrors, ErrorContext context, Throwable cause) {
        super(describe(fieldErrors), context, cause);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A request that broke one rule, found before any provider was involved. */
    public static InvalidRequestException of(String field, String rule) {
        return new InvalidRequestException(List.of(new FieldError(field, rule)), ErrorContext.none());
    }

    /** Every broken rule, never empty. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        return "invalid request: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
