package dev.telephony.api;

import java.util.List;
import java.util.Optional;

/** Finding numbers to buy, and managing the numbers the account owns. */
public interface NumberInventory {
    /** The countries numbers can be searched in. Needs {@link Capability#REGIONS}. */
    List<Region> regions();

    /**
     * The divisions, localities, rate centers or area codes numbers can be searched in within a
     * country. Needs {@link Capability#REGIONS}.
     */
    List<Region> regions(String countryCode);

    /** Numbers on offer; an empty list when nothing matches. Filters the provider cannot apply fail. */
    List<AvailableNumber> search(NumberSearch search);

    /** Every owned number, lazily, {@value ListQuery#DEFAULT_PAGE_SIZE} per page. */
    default Listing<OwnedNumber> list() {
        return list(ListQuery.all());
    }

    /** The owned numbers {@code query} selects, lazily, one page at a time. */
    Listing<OwnedNumber> list(ListQuery query);

    /** The owned number, or empty when the account does not own it. */
    Optional<OwnedNumber> get(PhoneNumber number);

    /**
     * Changes an owned number and returns it as it is afterwards.
     *
     * @throws dev.telephony.api.error.NumberNotFoundException when the account does not own it
     */
    OwnedNumber update(PhoneNumber number, NumberUpdate update);

    /**
     * Gives the number up. Waits for the provider to finish when it releases asynchronously.
     *
     * @throws dev.telephony.api.error.NumberNotFoundException when the account does not own it
     */
    void release(PhoneNumber number);
}
