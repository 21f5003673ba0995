package dev.telephony.api.error;

import dev.telephony.api.PhoneNumber;
import java.time.Instant;
import java.util.List;

/**
 * An offer's hold ran out before it was bought (Azure holds searched numbers for about 15 minutes).
 * Raised before any request is sent; search again to get a fresh offer.
 */
public class HoldExpiredException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    private final PhoneNumber number;
    private final Instant expiredAt;

    public HoldExpiredException(String field, PhoneNumber number, Instant expiredAt, ErrorContext context) {
        super(List.of(new FieldError(field, "the hold on " + number + " expired at " + expiredAt
                + "; search again for a fresh offer")), context);
        this.number = number;
        this.expiredAt = expiredAt;
    }

    public PhoneNumber number() {
        return number;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
