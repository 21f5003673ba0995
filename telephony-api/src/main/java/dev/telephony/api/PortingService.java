package dev.telephony.api;

import java.time.Duration;
import java.util.Optional;

/** Porting numbers in from other carriers. Needs {@link Capability#PORTING}. */
public interface PortingService {
    /** Asks whether {@code number} can be ported in. */
    PortabilityResult checkPortability(PhoneNumber number);

    /** Submits a port; it starts {@link PortStatus#PENDING}. */
    PortOrder submit(PortRequest request);

    /** The port as the provider has it now, or empty when there is no such port. */
    Optional<PortOrder> get(String portId);

    /** Every port of the account, lazily. */
    Listing<PortOrder> list();

    /**
     * Cancels a port that the losing carrier has not approved yet.
     *
     * @throws dev.telephony.api.error.ConflictException once it is approved or finished
     * @throws dev.telephony.api.error.NotFoundException when there is no such port
     */
    PortOrder cancel(String portId);

    /**
     * Polls the port at the provider's pace until it is terminal or {@code timeout} runs out.
     *
     * @throws dev.telephony.api.error.OperationTimeoutException when the time runs out; nothing is cancelled
     */
    PortOrder await(String portId, Duration timeout);
}
