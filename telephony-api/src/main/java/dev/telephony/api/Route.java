package dev.telephony.api;

import dev.telephony.api.error.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where a provider sends an incoming call or message: a webhook, and optionally a fallback used when
 * the first fails.
 *
 * @param url            absolute http(s) URL
 * @param method         how it is called
 * @param fallbackUrl    absolute http(s) URL tried when {@code url} fails
 * @param fallbackMethod how the fallback is called
 */
public record Route(URI url, WebhookMethod method, Optional<URI> fallbackUrl, WebhookMethod fallbackMethod) {
    public Route {
        Fields.requireWebhook("route.url", url);
        Fields.requireNonNull("route.method", method);
        Fields.requireNonNull("route.fallbackUrl", fallbackUrl).ifPresent(u -> Fields.requireWebhook("route.fallbackUrl", u));
        Fields.requireNonNull("route.fallbackMethod", fallbackMethod);
    }

    /** A webhook called with POST, without fallback. */
    public static Route to(String url) {
        return to(url, WebhookMethod.POST);
    }

    /** A webhook called with {@code method}, without fallback. */
    public static Route to(String url, WebhookMethod method) {
        Fields.requireNonNull("route.method", method);
        return new Route(toUri("route.url", url), method, Optional.empty(), WebhookMethod.POST);
    }

    /** This route with a fallback webhook. */
    public Route withFallback(String url, WebhookMethod method) {
        Fields.requireNonNull("route.fallbackMethod", method);
        return new Route(this.url, this.method, Optional.of(toUri("route.fallbackUrl", url)), method);
    }

    static URI toUri(String field, String url) {
        String text = Fields.requireNonBlank(field, url);
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            throw InvalidRequestException.of(field, "must be an absolute http(s) URL, was '" + Fields.shorten(url) + "'");
        }
        return Fields.requireWebhook(field, parsed);
    }
}
