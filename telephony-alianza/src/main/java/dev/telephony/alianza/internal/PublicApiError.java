package dev.telephony.alianza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The {@code PublicApiException} body Alianza answers errors with: {@code {status, messages[], data}}. */
public record PublicApiError(Integer status, List<String> messages, JsonNode data) {
    public PublicApiError {
        messages = messages == null ? List.of() : messages.stream().filter(m -> m != null && !m.isBlank()).toList();
    }
}
