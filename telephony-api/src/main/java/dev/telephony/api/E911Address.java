package dev.telephony.api;

/**
 * The address emergency services are sent to for calls from a number, with the name of the customer
 * registered there.
 *
 * @param customerName the person or business at the address
 * @param address      the dispatchable address
 */
public record E911Address(String customerName, Address address) {
    public E911Address {
        customerName = Fields.requireMaxLength("e911.customerName", customerName, 100);
        Fields.requireNonNull("e911.address", address);
    }
}
