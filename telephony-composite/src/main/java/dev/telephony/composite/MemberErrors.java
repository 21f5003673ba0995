package dev.telephony.composite;

import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InsufficientFundsException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.QuotaExceededException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.error.UnsupportedCapabilityException;

/**
 * A member's errors as the composite's: the same type (callers catch what they would catch from any
 * provider), the composite as the provider, the member named in the reason, the member's HTTP status,
 * code and request id kept, and the member's own error as the cause.
 */
final class MemberErrors {
    private MemberErrors() {
    }

    /** The context of errors the composite raises itself. */
    static ErrorContext context() {
        return ErrorContext.of(CompositeProvider.NAME);
    }

    /** How refusals name a member, as the provider part of an {@link UnsupportedCapabilityException}. */
    static String memberLabel(String member) {
        return CompositeProvider.NAME + " member " + member;
    }

    /** {@code failure}, raised by member {@code member}, as the composite's error. */
    static TelephonyException translate(String member, RuntimeException failure) {
        if (!(failure instanceof TelephonyException e)) {
            return new ProtocolException("carrier '" + member + "' failed unexpectedly ("
                    + failure.getClass().getSimpleName() + ")", context(), failure);
        }
        ErrorContext context = contextOf(e);
        String reason = "carrier '" + member + "': " + e.reason();
        TelephonyException translated;
        if (e instanceof UnsupportedCapabilityException u) {
            translated = u.capability().map(c -> new UnsupportedCapabilityException(memberLabel(member), c))
                    .orElseGet(() -> new UnsupportedCapabilityException(memberLabel(member), u.feature()));
            translated.addSuppressed(e);
            return translated;
        }
        if (e instanceof PurchaseOutcomeUnknownException u) {
            return new PurchaseOutcomeUnknownException(u.requested(), u.confirmedBought(), u.orderId().orElse(null), context, e);
        }
        if (e instanceof ReleaseOutcomeUnknownException u) {
            return new ReleaseOutcomeUnknownException(u.number(), context, e);
        }
        if (e instanceof HoldExpiredException h) {
            String field = h.fieldErrors().get(0).field();
            translated = new HoldExpiredException(field, h.number(), h.expiredAt(), context);
            translated.addSuppressed(e);
            return translated;
        }
        if (e instanceof InvalidRequestException i) {
            return new InvalidRequestException(i.fieldErrors(), context, e);
        }
        if (e instanceof NumberNotAvailableException n) {
            return new NumberNotAvailableException(n.numbers(), context, e);
        }
        if (e instanceof NumberNotFoundException n) {
            translated = new NumberNotFoundException(n.number(), context);
            translated.addSuppressed(e);
            return translated;
        }
        if (e instanceof NotFoundException) {
            return new NotFoundException(reason, context, e);
        }
        if (e instanceof AuthenticationException) {
            return new AuthenticationException(reason, context, e);
        }
        if (e instanceof PermissionDeniedException) {
            return new PermissionDeniedException(reason, context, e);
        }
        if (e instanceof ConflictException) {
            return new ConflictException(reason, context, e);
        }
        if (e instanceof InsufficientFundsException) {
            return new InsufficientFundsException(reason, context, e);
        }
        if (e instanceof QuotaExceededException) {
            return new QuotaExceededException(reason, context, e);
        }
        if (e instanceof RateLimitedException r) {
            translated = new RateLimitedException(reason, context, r.retryAfter().orElse(null));
            translated.addSuppressed(e);
            return translated;
        }
        if (e instanceof OperationTimeoutException t) {
            translated = new OperationTimeoutException(t.operationId(), t.lastKnownState(), context);
            translated.addSuppressed(e);
            return translated;
        }
        if (e instanceof ProviderUnavailableException) {
            return new ProviderUnavailableException(reason, context, e);
        }
        if (e instanceof ProtocolException) {
            return new ProtocolException(reason, context, e);
        }
        if (e instanceof ConfigurationException c) {
            return new ConfigurationException("carrier '" + member + "': " + c.reason(), c.keys());
        }
        // a kind of error this composite does not know: keep it as the member raised it
        return e;
    }

    private static ErrorContext contextOf(TelephonyException e) {
        ErrorContext context = context();
        if (e.httpStatus().isPresent()) {
            context = context.withHttpStatus(e.httpStatus().getAsInt());
        }
        if (e.providerCode().isPresent()) {
            context = context.withProviderCode(e.providerCode().get());
        }
        if (e.requestId().isPresent()) {
            context = context.withRequestId(e.requestId().get());
        }
        return context;
    }
}
