package dev.telephony.compat.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The flat LaML/Twilio error body {@code {code, message, more_info, status}}, and the occasional
 * {@code {"errors": [...]}} some endpoints answer with instead.
 */
public record ErrorBody(Integer code, String message, @JsonProperty("more_info") String moreInfo, Integer status,
                        List<JsonNode> errors) {
}
