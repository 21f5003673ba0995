package dev.telephony.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InsufficientFundsException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.compat.internal.ErrorBody;
import dev.telephony.http.ErrorTranslator;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.ProviderError;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import dev.telephony.http.StatusErrors;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The LaML/Twilio error bodies and codes, mapped to the neutral exceptions in one place. The operation
 * and the HTTP status decide first; a provider code only refines a 400 or 422 within the operation it
 * belongs to, so that a code reused across endpoints (a 409 on a release carrying a purchase code, say)
 * never changes what the caller is told.
 */
final class LamlErrors implements ErrorTranslator {
    /** Codes whose meaning does not follow from the HTTP status alone. */
    static final int AUTHENTICATION = 20003;
    static final int NOT_FOUND = 20404;
    static final int THROTTLED = 20429;
    static final int INVALID_NUMBER = 21401;
    static final int AREA_CODE_OR_NUMBER_REQUIRED = 21421;
    static final int NUMBER_NOT_AVAILABLE = 21422;
    static final int INVALID_AREA_CODE = 21451;
    /** What SignalWire's compatibility API answers a purchase of a number it cannot sell. */
    static final int NUMBER_UNAVAILABLE_TO_BUY = 21452;
    static final int INSUFFICIENT_BALANCE = 4001;
    static final int INVALID_ARGUMENT = 10000;

    /** What a request was for, by method and path. */
    enum Operation { PURCHASE, UPDATE, RELEASE, SEARCH, READ }

    static Operation operation(HttpRequest request) {
        String path = request.path();
        return switch (request.method()) {
            case "DELETE" -> Operation.RELEASE;
            case "POST" -> path.endsWith("/IncomingPhoneNumbers.json") ? Operation.PURCHASE : Operation.UPDATE;
            default -> path.contains("/AvailablePhoneNumbers/") ? Operation.SEARCH : Operation.READ;
        };
    }

    @Override
    public TelephonyException translate(HttpRequest request, HttpResponse response, ErrorContext context,
                                        Optional<Duration> retryAfter, Redactor redactor) {
        ProviderError error = read(response, redactor);
        ErrorContext full = error.code().map(context::withProviderCode).orElse(context);
        int status = response.status();
        Operation operation = operation(request);
        if (status == 409 && operation == Operation.RELEASE) {
            return new ConflictException("the number cannot be released yet: it is in the post-purchase cool-down period; "
                    + "try again later (" + error.message() + ")", full);
        }
        if (status != 400 && status != 422) {
            return StatusErrors.byStatus(status, error, context, retryAfter);
        }
        int code = error.code().flatMap(LamlErrors::number).orElse(-1);
        if (code == INSUFFICIENT_BALANCE) {
            return new InsufficientFundsException(error.message(), full);
        }
        if (operation == Operation.PURCHASE) {
            if (code == NUMBER_NOT_AVAILABLE || code == NUMBER_UNAVAILABLE_TO_BUY) {
                return new NumberNotAvailableException(numberIn(request).map(List::of).orElse(List.of()), error.message(), full, null);
            }
            if (code == INVALID_NUMBER) {
                return new InvalidRequestException(List.of(new FieldError("phoneNumber", error.message())), full);
            }
        }
        if (operation == Operation.SEARCH && (code == AREA_CODE_OR_NUMBER_REQUIRED || code == INVALID_AREA_CODE)) {
            return new InvalidRequestException(List.of(new FieldError("search.areaCode", error.message())), full);
        }
        return StatusErrors.byStatus(status, error, context, retryAfter);
    }

    /** The {@code PhoneNumber} of a purchase form, which a refusal names. */
    private static Optional<PhoneNumber> numberIn(HttpRequest request) {
        return request.body().map(b -> new String(b, StandardCharsets.UTF_8)).flatMap(form -> {
            for (String pair : form.split("&")) {
                if (pair.startsWith("PhoneNumber=")) {
                    try {
                        return Optional.of(PhoneNumber.of(URLDecoder.decode(pair.substring("PhoneNumber=".length()), StandardCharsets.UTF_8)));
                    } catch (RuntimeException notANumber) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        });
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
