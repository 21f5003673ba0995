package dev.telephony.api;

import java.util.Optional;

/**
 * The subscriber of the numbers at the losing carrier. Must match that carrier's records exactly.
 *
 * @param firstName      first name
 * @param lastName       last name
 * @param companyName    the business, for business lines
 * @param authorizedName who authorizes the port
 */
public record PortSubscriber(String firstName, String lastName, Optional<String> companyName, String authorizedName) {
    public PortSubscriber {
        firstName = Fields.requireMaxLength("port.subscriber.firstName", firstName, 100);
        lastName = Fields.requireMaxLength("port.subscriber.lastName", lastName, 100);
        companyName = Fields.requireNonNull("port.subscriber.companyName", companyName)
                .map(c -> Fields.requireMaxLength("port.subscriber.companyName", c, 200));
        authorizedName = Fields.requireMaxLength("port.subscriber.authorizedName", authorizedName, 200);
    }

    /** A residential subscriber who authorizes the port in person. */
    public static PortSubscriber person(String firstName, String lastName) {
        return new PortSubscriber(firstName, lastName, Optional.empty(), firstName + " " + lastName);
    }

    /** A business subscriber; {@code authorizedName} is the person signing. */
    public static PortSubscriber business(String firstName, String lastName, String companyName, String authorizedName) {
        return new PortSubscriber(firstName, lastName,
                Optional.of(Fields.requireMaxLength("port.subscriber.companyName", companyName, 200)), authorizedName);
    }
}
