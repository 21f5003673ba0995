package dev.telephony.api;

import java.net.URI;
import java.util.Objects;
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
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fallbackUrl, "fallbackUrl");
        fallbackUrl.ifPresent(u -> Fields.requireWebhook("route.fallbackUrl", u));
        Objects.requireNonNull(fallbackMethod, "fallbackMethod");
    }

    /** A webhook called with POST, without fallback. */
    public static Route to(String url) {
        return to(url, WebhookMethod.POST);
    }

    /** A webhook called with {@code method}, without fallback. */
    public static Route to(String url, WebhookMethod method) {
        return new Route(toUri("route.url", url), method, Optional.empty(), WebhookMethod.POST);
    }

    /** This route with a fallback webhook. */
    public Route withFallback(String url, WebhookMethod method) {
        return new Route(this.url, this.method, Optional.of(toUri("route.fallbackUrl", url)), method);
    }

    static URI toUri(String field, String url) {
        Fields.requireNonBlank(field, url);
        try {
            return Fields.requireWebhook(field, URI.create(url.strip()));
        } catch (IllegalArgumentException e) {
            throw dev.telephony.api.error.InvalidRequestException.of(field,
                    "must be an absolute http(s) URL, was '" + Fields.shorten(url) + "'");
        }
    }
}
