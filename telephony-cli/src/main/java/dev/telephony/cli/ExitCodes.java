package dev.telephony.cli;

import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InsufficientFundsException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.QuotaExceededException;
import dev.telephony.api.error.RetryableException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import picocli.CommandLine;

/** The exit codes, one per kind of failure, so scripts can tell them apart. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Anything else: an answer that could not be understood, a purchase whose outcome is unknown, a bug. */
    public static final int OTHER = 1;
    /** Bad usage or input: unknown option, malformed number, a rule broken, a confirmation missing. */
    public static final int USAGE = 2;
    /** No such number, order or port on this account. */
    public static final int NOT_FOUND = 3;
    /** The credentials were refused, or they may not do this. */
    public static final int AUTHENTICATION = 4;
    /** Worth retrying later: unavailable, rate limited, timed out waiting. */
    public static final int UNAVAILABLE = 5;
    /** The account's or the number's state forbids it: not available, conflict, funds, quota, order failed. */
    public static final int REFUSED = 6;
    /** The provider cannot do this. */
    public static final int UNSUPPORTED = 7;
    /** The provider cannot be chosen or configured: unknown name, missing or unknown keys, unreadable files. */
    public static final int CONFIGURATION = 8;
    /** A wait ran out while the order is still being processed: it goes on; follow it by its id. Never buy again. */
    public static final int PENDING = 9;

    /** The table {@code --help} shows. */
    static final String[] HELP = {
            "0:done",
            "1:other failure (an answer that could not be understood, a purchase whose outcome is unknown)",
            "2:bad usage or input (unknown option, malformed number, a broken rule, release without --yes and no terminal)",
            "3:not found (no such number, order or port on this account)",
            "4:authentication failed or permission denied",
            "5:unavailable, rate limited or timed out: worth retrying later",
            "6:refused by the state of things: number not available, conflict, insufficient funds, quota, order failed",
            "7:the provider does not support this",
            "8:configuration: unknown provider, missing or unknown keys (listed by name), unreadable files",
            "9:still pending after --wait: the order goes on and is printed; follow it with 'order ID --wait', never buy again",
    };

    private ExitCodes() {
    }

    /** The exit code for {@code error}. */
    public static int of(Throwable error) {
        if (error instanceof CommandLine.ParameterException || error instanceof InvalidRequestException
                || error instanceof UsageException) {
            return USAGE;
        }
        if (error instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (error instanceof AuthenticationException || error instanceof PermissionDeniedException) {
            return AUTHENTICATION;
        }
        if (error instanceof RetryableException) {
            return UNAVAILABLE;
        }
        if (error instanceof NumberNotAvailableException || error instanceof ConflictException
                || error instanceof InsufficientFundsException || error instanceof QuotaExceededException
                || error instanceof RefusedException) {
            return REFUSED;
        }
        if (error instanceof UnsupportedCapabilityException) {
            return UNSUPPORTED;
        }
        if (error instanceof ConfigurationException) {
            return CONFIGURATION;
        }
        return OTHER;
    }

    /** The kind of failure, in a word or two, for {@code --json} error lines. */
    static String kind(int code) {
        return switch (code) {
            case USAGE -> "usage";
            case NOT_FOUND -> "not_found";
            case AUTHENTICATION -> "authentication";
            case UNAVAILABLE -> "unavailable";
            case REFUSED -> "refused";
            case UNSUPPORTED -> "unsupported";
            case CONFIGURATION -> "configuration";
            case PENDING -> "pending";
            default -> "other";
        };
    }

    /** A usage error found by a command itself (a missing confirmation, options that do not go together). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The provider answered, and the answer is a refusal: an order that bought nothing. */
    static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }
}
