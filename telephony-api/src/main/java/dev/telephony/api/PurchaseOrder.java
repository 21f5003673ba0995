package dev.telephony.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A purchase as the provider records it. Follow a {@link PurchaseStatus#PENDING} order with
 * {@link NumberPurchaser#await(String, java.time.Duration)} or {@link NumberPurchaser#order(String)}:
 * the id alone is enough, even after a restart.
 *
 * @param id         the order id: keep it to follow the order
 * @param status     where it stands
 * @param requested  the numbers asked for
 * @param purchased  the numbers bought so far
 * @param failures   the numbers that were not bought, with reasons
 * @param details    the provider's explanation of the status, if any
 * @param createdAt  when the provider accepted the order, if known
 * @param reference  the caller's reference, if one was given and the provider keeps it
 * @param attributes provider facts about the order, unmodifiable
 * @param owned      the owned numbers the purchase produced, as the provider's answer describes them
 *                   (provider id, creation time, …); empty when the answer does not describe them
 */
public record PurchaseOrder(String id, PurchaseStatus status, List<PhoneNumber> requested,
                            List<PhoneNumber> purchased, List<PurchaseFailure> failures, Optional<String> details,
                            Optional<Instant> createdAt, Optional<String> reference, Map<String, String> attributes,
                            List<OwnedNumber> owned) {
    public PurchaseOrder {
        Fields.requireNonNull("order.id", id);
        Fields.requireNonNull("order.status", status);
        requested = Fields.listCopy("order.requested", requested);
        purchased = Fields.listCopy("order.purchased", purchased);
        failures = Fields.listCopy("order.failures", failures);
        Fields.requireNonNull("order.details", details);
        Fields.requireNonNull("order.createdAt", createdAt);
        Fields.requireNonNull("order.reference", reference);
        attributes = Collections2.unmodifiableCopy("order.attributes", attributes);
        owned = Fields.listCopy("order.owned", owned);
    }

    public static Builder builder(String id, PurchaseStatus status) {
        return new Builder(id, status);
    }

    /** Whether the order will not change any more. */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** Builds a {@link PurchaseOrder}. */
    public static final class Builder {
        private final String id;
        private final PurchaseStatus status;
        private final List<PhoneNumber> requested = new ArrayList<>();
        private final List<PhoneNumber> purchased = new ArrayList<>();
        private final List<PurchaseFailure> failures = new ArrayList<>();
        private String details;
        private Instant createdAt;
        private String reference;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<OwnedNumber> owned = new ArrayList<>();

        private Builder(String id, PurchaseStatus status) {
            this.id = Fields.requireNonNull("order.id", id);
            this.status = Fields.requireNonNull("order.status", status);
        }

        public Builder requested(List<PhoneNumber> numbers) {
            requested.addAll(Fields.requireEntries("order.requested", numbers));
            return this;
        }

        public Builder purchased(List<PhoneNumber> numbers) {
            purchased.addAll(Fields.requireEntries("order.purchased", numbers));
            return this;
        }

        public Builder failure(PhoneNumber number, String reason, String code) {
            failures.add(new PurchaseFailure(number, reason, Optional.ofNullable(code)));
            return this;
        }

        public Builder failures(List<PurchaseFailure> all) {
            failures.addAll(Fields.requireEntries("order.failures", all));
            return this;
        }

        public Builder details(String details) {
            this.details = details;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** Adds a provider fact; {@code null} values are left out. */
        public Builder attribute(String key, String value) {
            Fields.requireNonNull("order.attributes key", key);
            if (value != null) {
                attributes.put(key, value);
            }
            return this;
        }

        /** The owned numbers the purchase produced, as the provider's answer describes them. */
        public Builder owned(List<OwnedNumber> numbers) {
            owned.addAll(Fields.listCopy("order.owned", numbers));
            return this;
        }

        public PurchaseOrder build() {
            return new PurchaseOrder(id, status, requested, purchased, failures, Optional.ofNullable(details),
                    Optional.ofNullable(createdAt), Optional.ofNullable(reference), attributes, owned);
        }
    }
}
