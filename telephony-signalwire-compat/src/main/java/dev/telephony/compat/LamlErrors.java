package dev.telephony.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InsufficientFundsException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.compat.wire.ErrorBody;
import dev.telephony.http.ErrorTranslator;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.ProviderError;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import dev.telephony.http.StatusErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The LaML/Twilio error bodies and codes, mapped to the neutral exceptions in one place. */
final class LamlErrors implements ErrorTranslator {
    /** Codes whose meaning does not follow from the HTTP status alone. */
    static final int AUTHENTICATION = 20003;
    static final int NOT_FOUND = 20404;
    static final int THROTTLED = 20429;
    static final int INVALID_NUMBER = 21401;
    static final int AREA_CODE_OR_NUMBER_REQUIRED = 21421;
    static final int NUMBER_NOT_AVAILABLE = 21422;
    static final int INVALID_AREA_CODE = 21451;
    static final int INSUFFICIENT_BALANCE = 4001;
    static final int INVALID_ARGUMENT = 10000;


    @Override
    public TelephonyException translate(HttpRequest request, HttpResponse response, ErrorContext context,
                                        Optional<Duration> retryAfter, Redactor redactor) {
        ProviderError error = read(response, redactor);
        ErrorContext full = error.code().map(context::withProviderCode).orElse(context);
        int code = error.code().flatMap(LamlErrors::number).orElse(-1);
        return switch (code) {
            case AUTHENTICATION -> new AuthenticationException("the provider refused the credentials: " + error.message(), full);
            case NOT_FOUND -> new NotFoundException(error.message(), full);
            case THROTTLED -> new RateLimitedException("the provider asked us to slow down: " + error.message(), full, retryAfter.orElse(null));
            case INVALID_NUMBER -> new InvalidRequestException(List.of(new FieldError("phoneNumber", error.message())), full);
            case AREA_CODE_OR_NUMBER_REQUIRED, INVALID_AREA_CODE ->
                    new InvalidRequestException(List.of(new FieldError("search.areaCode", error.message())), full);
            case NUMBER_NOT_AVAILABLE -> new dev.telephony.api.error.NumberNotAvailableException(List.of(), full);
            case INSUFFICIENT_BALANCE -> new InsufficientFundsException(error.message(), full);
            default -> response.status() == 409
                    ? new ConflictException(error.message(), full)
                    : StatusErrors.byStatus(response.status(), error, context, retryAfter);
        };
    }

    ProviderError read(HttpResponse response, Redactor redactor) {
        try {
            ErrorBody body = RestClient.sharedMapper().readValue(response.body(), ErrorBody.class);
            if (body != null && body.message() != null) {
                return new ProviderError(redactor.redact(body.message()),
                        Optional.ofNullable(body.code()).map(String::valueOf), List.of());
            }
            if (body != null && body.errors() != null && !body.errors().isEmpty()) {
                JsonNode first = body.errors().get(0);
                String message = first.path("message").asText(first.path("detail").asText(first.path("title").asText("error")));
                Optional<String> code = Optional.of(first.path("code").asText("")).filter(c -> !c.isEmpty());
                List<FieldError> fields = body.errors().stream().filter(e -> e.hasNonNull("attribute") || e.hasNonNull("field"))
                        .map(e -> new FieldError(e.path("attribute").asText(e.path("field").asText()),
                                redactor.redact(e.path("message").asText(e.path("detail").asText("invalid"))))).toList();
                return new ProviderError(redactor.redact(message), code, fields);
            }
        } catch (IOException unreadable) {
            // not one of the documented shapes: quote a short excerpt instead
        }
        return ProviderError.of("HTTP " + response.status() + " '" + redactor.excerpt(response.body()) + "'");
    }

    private static Optional<Integer> number(String code) {
        try {
            return Optional.of(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
