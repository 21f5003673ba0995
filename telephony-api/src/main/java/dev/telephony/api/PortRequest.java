package dev.telephony.api;

import dev.telephony.api.error.InvalidRequestException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request to port numbers in from another carrier. Everything the losing carrier checks is
 * validated when it is built; the requested date is checked against the provider's minimum notice
 * when it is submitted.
 */
public final class PortRequest {
    private final List<PhoneNumber> numbers;
    private final PortSubscriber subscriber;
    private final Address serviceAddress;
    private final PhoneNumber billingTelephoneNumber;
    private final String carrierAccountNumber;
    private final Secret pin;
    private final LocalDate requestedDate;
    private final String currentProvider;
    private final String reference;

    private PortRequest(Builder b) {
        Fields.requireNotEmpty("port.numbers", b.numbers);
        Set<PhoneNumber> seen = new HashSet<>();
        for (int i = 0; i < b.numbers.size(); i++) {
            if (!seen.add(b.numbers.get(i))) {
                throw InvalidRequestException.of("port.numbers[" + i + "]", "names " + b.numbers.get(i) + " twice");
            }
        }
        this.numbers = List.copyOf(b.numbers);
        this.subscriber = Fields.requireNonNull("port.subscriber", b.subscriber);
        this.serviceAddress = Fields.requireNonNull("port.serviceAddress", b.serviceAddress);
        this.billingTelephoneNumber = Fields.requireNonNull("port.billingTelephoneNumber", b.billingTelephoneNumber);
        this.carrierAccountNumber = Fields.requireMaxLength("port.carrierAccountNumber", b.carrierAccountNumber, 64);
        this.pin = b.pin;
        this.requestedDate = Fields.requireNonNull("port.requestedDate", b.requestedDate);
        this.currentProvider = b.currentProvider;
        this.reference = b.reference;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<PhoneNumber> numbers() {
        return numbers;
    }

    public PortSubscriber subscriber() {
        return subscriber;
    }

    public Address serviceAddress() {
        return serviceAddress;
    }

    public PhoneNumber billingTelephoneNumber() {
        return billingTelephoneNumber;
    }

    /** The subscriber's account number at the losing carrier. */
    public String carrierAccountNumber() {
        return carrierAccountNumber;
    }

    /** The PIN or passcode at the losing carrier, if it uses one. */
    public Optional<Secret> pin() {
        return Optional.ofNullable(pin);
    }

    /** The date the numbers should move. */
    public LocalDate requestedDate() {
        return requestedDate;
    }

    /** The losing carrier's name, if given. */
    public Optional<String> currentProvider() {
        return Optional.ofNullable(currentProvider);
    }

    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /**
     * Fails unless the requested date lies at least {@code minimumNotice} after today on {@code clock}:
     * carriers refuse ports asked for sooner.
     */
    public void requireNotice(Period minimumNotice, Clock clock) {
        Fields.requireNonNull("minimumNotice", minimumNotice);
        Fields.requireNonNull("clock", clock);
        if (minimumNotice.isNegative()) {
            throw InvalidRequestException.of("minimumNotice", "must not be negative, was " + minimumNotice);
        }
        LocalDate today;
        try {
            today = LocalDate.now(clock);
        } catch (DateTimeException e) {
            throw InvalidRequestException.of("clock", "reads " + clock.instant() + ", which has no calendar date");
        }
        LocalDate earliest;
        try {
            earliest = today.plus(minimumNotice);
        } catch (DateTimeException | ArithmeticException e) {
            earliest = LocalDate.MAX; // a notice reaching past the calendar's end: no date can meet it
        }
        if (requestedDate.isBefore(earliest)) {
            String notice = minimumNotice.getYears() == 0 && minimumNotice.getMonths() == 0
                    ? minimumNotice.getDays() + " days" : minimumNotice.toString();
            throw InvalidRequestException.of("port.requestedDate",
                    "must be at least " + notice + " ahead (on or after " + earliest + "), was " + requestedDate);
        }
    }

    @Override
    public String toString() {
        return "PortRequest[numbers=" + numbers + ", requestedDate=" + requestedDate
                + ", pin=" + (pin == null ? "none" : pin) + "]";
    }

    /** Builds a {@link PortRequest}; {@link #build()} names every missing or invalid field. */
    public static final class Builder {
        private final List<PhoneNumber> numbers = new ArrayList<>();
        private PortSubscriber subscriber;
        private Address serviceAddress;
        private PhoneNumber billingTelephoneNumber;
        private String carrierAccountNumber;
        private Secret pin;
        private LocalDate requestedDate;
        private String currentProvider;
        private String reference;

        private Builder() {
        }

        /** Adds one number to port. */
        public Builder number(PhoneNumber number) {
            numbers.add(Fields.requireNonNull("port.numbers[" + numbers.size() + "]", number));
            return this;
        }

        /** Adds these numbers to port; a refused list adds none. */
        public Builder numbers(List<PhoneNumber> numbers) {
            Fields.requireNonNull("port.numbers", numbers);
            int i = this.numbers.size();
            for (PhoneNumber number : numbers) {
                Fields.requireNonNull("port.numbers[" + i++ + "]", number);
            }
            this.numbers.addAll(numbers);
            return this;
        }

        public Builder subscriber(PortSubscriber subscriber) {
            this.subscriber = subscriber;
            return this;
        }

        public Builder serviceAddress(Address serviceAddress) {
            this.serviceAddress = serviceAddress;
            return this;
        }

        public Builder billingTelephoneNumber(PhoneNumber btn) {
            this.billingTelephoneNumber = btn;
            return this;
        }

        public Builder carrierAccountNumber(String accountNumber) {
            this.carrierAccountNumber = accountNumber;
            return this;
        }

        public Builder pin(String pin) {
            this.pin = Secret.of("port.pin", pin);
            return this;
        }

        public Builder requestedDate(LocalDate date) {
            this.requestedDate = date;
            return this;
        }

        public Builder currentProvider(String name) {
            this.currentProvider = Fields.requireMaxLength("port.currentProvider", name, 100);
            return this;
        }

        public Builder reference(String reference) {
            this.reference = Fields.requireMaxLength("port.reference", reference, 64);
            return this;
        }

        public PortRequest build() {
            return new PortRequest(this);
        }
    }
}
