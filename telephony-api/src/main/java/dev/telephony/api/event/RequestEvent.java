package dev.telephony.api.event;

import java.util.Objects;

/**
 * One HTTP request to a provider, as its start, end and failure events name it.
 *
 * @param id       unique within this JVM, the same for a request's start and its end or failure
 * @param provider the provider's name
 * @param method   the HTTP method, such as {@code POST}
 * @param path     the path as a template: without the query, and with every segment that carries an id,
 *                 a number or an account name replaced by {@code {id}}
 *                 ({@code /api/relay/rest/phone_numbers/{id}}), so it is safe as a metric tag
 * @param attempt  1 for the first try of a request, 2 for its first retry, and so on
 */
public record RequestEvent(long id, String provider, String method, String path, int attempt) {
    public RequestEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }
}
