package dev.telephony.signalwire;

import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.http.ErrorTranslator;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.ProviderError;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import dev.telephony.http.StatusErrors;
import dev.telephony.signalwire.internal.ErrorBody;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** SignalWire's error bodies, mapped to the neutral exceptions in one place. */
final class SignalWireErrors implements ErrorTranslator {

    @Override
    public TelephonyException translate(HttpRequest request, HttpResponse response, ErrorContext context,
                                        Optional<Duration> retryAfter, Redactor redactor) {
        return StatusErrors.byStatus(response.status(), read(response, redactor), context, retryAfter);
    }

    ProviderError read(HttpResponse response, Redactor redactor) {
        try {
            ErrorBody body = RestClient.sharedMapper().readValue(response.body(), ErrorBody.class);
            if (body != null && body.errors() != null && !body.errors().isEmpty()) {
                // the documented item is {code, title, detail, status}; other SignalWire APIs add the attribute
                List<FieldError> fields = body.errors().stream().map(item -> new FieldError(
                        item.attribute() != null && !item.attribute().isBlank() ? item.attribute() : "request",
                        redactor.redact(first(item.detail(), item.title(), "invalid")))).toList();
                ErrorBody.Item head = body.errors().get(0);
                return new ProviderError(redactor.redact(first(head.detail(), head.title(), "invalid request")),
                        Optional.ofNullable(head.code()), fields);
            }
            if (body != null && body.error() != null) {
                return ProviderError.of(redactor.redact(body.error()));
            }
        } catch (IOException unreadable) {
            // not one of SignalWire's shapes: quote a short excerpt instead
        }
        return ProviderError.of("HTTP " + response.status() + " '" + redactor.excerpt(response.body()) + "'");
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
