package dev.telephony.compat.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code GET …/AvailablePhoneNumbers/{Country}/Local.json}: no paging fields. */
public record AvailableNumbers(String uri, @JsonProperty("available_phone_numbers") List<JsonNode> numbers) {
    public AvailableNumbers {
        numbers = numbers == null ? List.of() : numbers;
    }
}
