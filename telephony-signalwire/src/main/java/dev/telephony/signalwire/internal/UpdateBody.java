package dev.telephony.signalwire.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code PUT /phone_numbers/{id}} body: a partial update, null fields left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UpdateBody(String name,
                         String callHandler, String callRequestUrl, String callRequestMethod,
                         String callFallbackUrl, String callFallbackMethod,
                         String messageHandler, String messageRequestUrl, String messageRequestMethod,
                         String messageFallbackUrl, String messageFallbackMethod) {
}
