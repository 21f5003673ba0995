package dev.telephony.api;

/** The HTTP method a provider uses to call a webhook. */
public enum WebhookMethod {
    GET,
    POST
}
