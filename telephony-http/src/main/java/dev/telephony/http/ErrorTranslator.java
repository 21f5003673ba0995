package dev.telephony.http;

import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.TelephonyException;
import java.time.Duration;
import java.util.Optional;

/** Turns a provider's error answer (status 400 and up) into the neutral exception. One per provider. */
@FunctionalInterface
public interface ErrorTranslator {
    /**
     * @param request    what was sent (method and path; never log more)
     * @param response   the error answer
     * @param context    provider, status and request id, ready to carry
     * @param retryAfter the wait the provider asked for, if it did
     * @param redactor   scrubs secrets from any text quoted from the body
     */
    TelephonyException translate(HttpRequest request, HttpResponse response, ErrorContext context,
                                 Optional<Duration> retryAfter, Redactor redactor);
}
