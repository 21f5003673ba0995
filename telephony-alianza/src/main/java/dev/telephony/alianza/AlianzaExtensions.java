package dev.telephony.alianza;

import dev.telephony.api.E911Address;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import java.util.Optional;

/**
 * What Alianza offers beyond the neutral services: assigning numbers to end users, device lines,
 * IVRs and call queues, the directory listing, and releasing a number that is still assigned. Reach
 * it with {@code provider.unwrap(AlianzaExtensions.class)}:
 *
 * <pre>{@code
 * AlianzaExtensions alianza = telephony.unwrap(AlianzaExtensions.class);
 * alianza.assignToEndUser(number, "user_5150", true, e911);
 * alianza.updateDirectoryListing(number, DirectoryListing.listed("Riverside Dental", "48 Hawley St, Binghamton, NY"));
 * }</pre>
 *
 * <p>Every method fails with {@link dev.telephony.api.error.NumberNotFoundException} when the number
 * is not the account's, and validates its input before any request.
 */
public interface AlianzaExtensions {
    /** Assigns {@code number} to an end user; {@code primary} makes it the user's main number. */
    Assignment assignToEndUser(PhoneNumber number, String userId, boolean primary);

    /** Assigns {@code number} to an end user and registers the E911 address calls from it are sent to. */
    Assignment assignToEndUser(PhoneNumber number, String userId, boolean primary, E911Address e911Address);

    /** Assigns {@code number} directly to line {@code lineNumber} (from 1) of a device. */
    Assignment assignToDeviceLine(PhoneNumber number, String deviceId, int lineNumber);

    /** Assigns {@code number} to an IVR (auto attendant). */
    Assignment assignToIvr(PhoneNumber number, String ivrId);

    /** Assigns {@code number} to a call queue. */
    Assignment assignToCallQueue(PhoneNumber number, String queueId);

    /** What {@code number} is assigned to, or empty when it is not assigned. */
    Optional<Assignment> assignment(PhoneNumber number);

    /** Removes {@code number}'s assignment and returns what it was; empty (and nothing sent) when it had none. */
    Optional<Assignment> unassign(PhoneNumber number);

    /** Sets how {@code number} appears in the telephone directory, and returns the number as it is afterwards. */
    OwnedNumber updateDirectoryListing(PhoneNumber number, DirectoryListing listing);

    /** How {@code number} appears in the telephone directory, when the account's records say. */
    Optional<DirectoryListing> directoryListing(PhoneNumber number);

    /**
     * Unassigns {@code number} if it is assigned, then releases it. The neutral
     * {@link dev.telephony.api.NumberInventory#release(PhoneNumber)} refuses an assigned number instead,
     * so that a number in use is never dropped by accident.
     */
    void unassignAndRelease(PhoneNumber number);
}
