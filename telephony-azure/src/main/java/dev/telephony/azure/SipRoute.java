package dev.telephony.azure;

import dev.telephony.api.error.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A voice route: calls to numbers matching {@code numberPattern} go to {@code trunks}, tried in order.
 *
 * @param name          unique name
 * @param description   what it is for
 * @param numberPattern a regular expression over the dialled number, such as {@code ^\+1(425|206)\d{7}$}
 * @param trunks        trunk FQDNs, in the order tried; each must be a configured trunk
 */
public record SipRoute(String name, Optional<String> description, String numberPattern, List<String> trunks) {
    public SipRoute {
        if (name == null || name.isBlank()) {
            throw InvalidRequestException.of("route.name", "must not be blank");
        }
        Objects.requireNonNull(description, "description");
        if (numberPattern == null || numberPattern.isBlank()) {
            throw InvalidRequestException.of("route.numberPattern", "must not be blank");
        }
        try {
            Pattern.compile(numberPattern);
        } catch (PatternSyntaxException e) {
            throw InvalidRequestException.of("route.numberPattern", "must be a regular expression: " + e.getDescription());
        }
        trunks = List.copyOf(trunks);
    }
}
