package dev.telephony.composite;

import dev.telephony.api.error.TelephonyException;
import java.util.Objects;

/**
 * A member that did not contribute to a fan-out read: it failed, or had not answered by its deadline.
 *
 * @param member the member's name in the composite
 * @param kind   whether it failed or ran out of time
 * @param error  what happened, as a typed error naming the member
 */
public record MemberFailure(String member, Kind kind, TelephonyException error) {
    /** How a member failed to contribute. */
    public enum Kind {
        /** It answered with an error. */
        FAILED,
        /** It had not answered when its deadline passed; its call was abandoned. */
        TIMED_OUT
    }

    public MemberFailure {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(error, "error");
    }

    /** Why, in words. */
    public String reason() {
        return error.reason();
    }
}
