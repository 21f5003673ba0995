package dev.telephony.alianza;

import dev.telephony.alianza.internal.AssignmentRequest;
import dev.telephony.alianza.internal.NumberConfiguration;
import dev.telephony.alianza.internal.NumberDetails;
import dev.telephony.alianza.internal.StreetAddress;
import dev.telephony.api.E911Address;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.RestClient;
import java.util.Optional;

/**
 * {@link AlianzaExtensions} over {@code PUT …/account/{accountId}/<target>/telephone-number} (user,
 * device line, IVR, call queue), {@code DELETE} of the same path with the number appended, and the
 * number's configuration for its directory listing. A number assigned elsewhere is refused rather
 * than silently moved; assigning it again to the same target updates the assignment.
 */
final class AlianzaAssignments implements AlianzaExtensions {
    private final RestClient client;
    private final AlianzaPaths paths;
    private final AlianzaInventory inventory;

    AlianzaAssignments(RestClient client, AlianzaPaths paths, AlianzaInventory inventory) {
        this.client = client;
        this.paths = paths;
        this.inventory = inventory;
    }

    @Override
    public Assignment assignToEndUser(PhoneNumber number, String userId, boolean primary) {
        return assign(number, new Assignment.EndUser(userId, primary), null);
    }

    @Override
    public Assignment assignToEndUser(PhoneNumber number, String userId, boolean primary, E911Address e911Address) {
        if (e911Address == null) {
            throw InvalidRequestException.of("assignment.e911Address", "is required (use the overload without it to leave it out)");
        }
        return assign(number, new Assignment.EndUser(userId, primary), AlianzaNumbers.e911Body("assignment.e911Address", e911Address));
    }

    @Override
    public Assignment assignToDeviceLine(PhoneNumber number, String deviceId, int lineNumber) {
        return assign(number, new Assignment.DeviceLine(deviceId, lineNumber), null);
    }

    @Override
    public Assignment assignToIvr(PhoneNumber number, String ivrId) {
        return assign(number, new Assignment.Ivr(ivrId), null);
    }

    @Override
    public Assignment assignToCallQueue(PhoneNumber number, String queueId) {
        return assign(number, new Assignment.CallQueue(queueId), null);
    }

    private Assignment assign(PhoneNumber number, Assignment target, StreetAddress e911) {
        NumberDetails details = inventory.require(number);
        Optional<Assignment> current = inventory.assignment(details);
        if (current.isPresent() && !sameTarget(current.get(), target)) {
            throw new ConflictException(number + " is already assigned (" + current.get().type() + " " + current.get().targetId()
                    + "): unassign it first", client.context());
        }
        Boolean primary = target instanceof Assignment.EndUser user ? user.primary() : null;
        HttpRequest request = client.withJson(HttpRequest.put(paths.assignments(target)), new AssignmentRequest(number.e164(), primary, e911));
        try {
            // the body names the number and the target, so repeating it after an outage changes nothing more
            client.retrier().call("assign number", () -> client.send(request));
        } catch (NotFoundException gone) {
            throw new NotFoundException("cannot assign " + number + ": " + gone.reason(), gone.context());
        }
        return inventory.assignment(inventory.require(number)).orElse(target);
    }

    /** Whether two assignments name the same target (an end user's primary flag may change). */
    private static boolean sameTarget(Assignment current, Assignment wanted) {
        if (current instanceof Assignment.EndUser user && wanted instanceof Assignment.EndUser other) {
            return user.userId().equals(other.userId());
        }
        return current.equals(wanted);
    }

    @Override
    public Optional<Assignment> assignment(PhoneNumber number) {
        return inventory.assignment(inventory.require(number));
    }

    @Override
    public Optional<Assignment> unassign(PhoneNumber number) {
        Optional<Assignment> current = inventory.assignment(inventory.require(number));
        current.ifPresent(target -> inventory.unassign(number, target));
        return current;
    }

    @Override
    public OwnedNumber updateDirectoryListing(PhoneNumber number, DirectoryListing listing) {
        if (listing == null) {
            throw InvalidRequestException.of("directoryListing", "is required");
        }
        return inventory.configure(number, new NumberConfiguration(null, null, AlianzaNumbers.listingBody(listing)));
    }

    @Override
    public Optional<DirectoryListing> directoryListing(PhoneNumber number) {
        NumberDetails details = inventory.require(number);
        try {
            return AlianzaNumbers.listing(details.directoryListing());
        } catch (RuntimeException e) {
            throw new dev.telephony.api.error.ProtocolException("a directory listing is not in the documented shape", client.context(), e);
        }
    }

    @Override
    public void unassignAndRelease(PhoneNumber number) {
        inventory.release(number, true);
    }
}
