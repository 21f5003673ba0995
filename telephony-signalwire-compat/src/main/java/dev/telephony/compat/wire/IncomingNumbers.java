package dev.telephony.compat.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A page of {@code IncomingPhoneNumbers}: follow {@code next_page_uri} (a path from the host root) until it is null. */
public record IncomingNumbers(@JsonProperty("incoming_phone_numbers") List<JsonNode> numbers,
                              @JsonProperty("next_page_uri") String nextPageUri, Integer page,
                              @JsonProperty("page_size") Integer pageSize) {
    public IncomingNumbers {
        numbers = numbers == null ? List.of() : numbers;
    }
}
