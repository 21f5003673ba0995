package dev.telephony.signalwire.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code {"links": {...}, "data": [...]}}: search results and number lists alike. Items are kept raw, their shapes vary. */
public record DataPage(Links links, List<JsonNode> data) {
    public DataPage {
        data = data == null ? List.of() : data;
    }
}
