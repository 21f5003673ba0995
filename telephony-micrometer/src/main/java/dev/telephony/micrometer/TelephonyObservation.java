package dev.telephony.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Every observation {@link ObservationTelephonyListener} records, with its keys. Low-cardinality keys
 * become metric tags and take a small, fixed set of values (never a number, an id or a secret);
 * high-cardinality keys go to spans only.
 *
 * <p>With Micrometer's {@code DefaultMeterObservationHandler} each observation is a timer of its name
 * (Prometheus: {@code telephony_operation_seconds_count}, {@code _sum}, {@code _max}) and a long task
 * timer {@code <name>.active}.
 */
public enum TelephonyObservation implements ObservationDocumentation {
    /** One service call (a search, a purchase, an await), its argument checks included. */
    OPERATION {
        @Override
        public String getName() {
            return "telephony.operation";
        }

        @Override
        public String getContextualName() {
            return "telephony operation";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.PROVIDER, Keys.OPERATION, Keys.OUTCOME, Keys.ERROR};
        }
    },

    /** One HTTP request to a provider (each try of a retried read is one). */
    REQUEST {
        @Override
        public String getName() {
            return "telephony.request";
        }

        @Override
        public String getContextualName() {
            return "telephony request";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.PROVIDER, Keys.METHOD, Keys.STATUS, Keys.OUTCOME, Keys.ERROR};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {Keys.PATH, Keys.ATTEMPT, Keys.REQUEST_ID};
        }
    },

    /** A failed try that is tried again (a read, or a write proven harmless); counted when the wait begins. */
    RETRY {
        @Override
        public String getName() {
            return "telephony.retry";
        }

        @Override
        public String getContextualName() {
            return "telephony retry";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.PROVIDER, Keys.REASON};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {Keys.RETRIED, Keys.ATTEMPT, Keys.DELAY};
        }
    },

    /** A purchase or release whose answer was lost, reconciled with the account. */
    RECONCILIATION {
        @Override
        public String getName() {
            return "telephony.reconciliation";
        }

        @Override
        public String getContextualName() {
            return "telephony reconciliation";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.PROVIDER, Keys.WRITE, Keys.CONCLUSION, Keys.REASON};
        }
    },

    /** A purchase order seen with a new status. */
    ORDER_STATUS {
        @Override
        public String getName() {
            return "telephony.order.status";
        }

        @Override
        public String getContextualName() {
            return "telephony order status";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.PROVIDER, Keys.ORDER_STATUS};
        }
    },

    /** A port order seen with a new status. */
    PORT_STATUS {
        @Override
        public String getName() {
            return "telephony.port.status";
        }

        @Override
        public String getContextualName() {
            return "telephony port status";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.PROVIDER, Keys.ORDER_STATUS};
        }
    };

    /** The keys of the observations. */
    public enum Keys implements KeyName {
        /** The provider's name: {@code signalwire}, {@code azure}, … */
        PROVIDER("telephony.provider"),
        /** The service operation: {@code search}, {@code purchase}, {@code release}, {@code await}, {@code port-submit}, … */
        OPERATION("telephony.operation"),
        /** {@code success} or {@code failure}; for a request, {@code success} for a 1xx–3xx answer. */
        OUTCOME("outcome"),
        /** The error's type ({@code NumberNotAvailableException}, {@code ProviderUnavailableException}), or {@code none}. */
        ERROR("error"),
        /** The HTTP method. */
        METHOD("http.method"),
        /** The answer's status class: {@code 2xx}, {@code 4xx}, {@code 5xx}…, or {@code none} when no answer came. */
        STATUS("http.status_class"),
        /** The request's path as a template, ids replaced by {@code {id}} (spans only). */
        PATH("http.path"),
        /** The try: 1 for the first (spans only). */
        ATTEMPT("telephony.attempt"),
        /** The provider's request id (spans only). */
        REQUEST_ID("telephony.request_id"),
        /** Why a try failed, or what a reconciliation followed: the error's type. */
        REASON("reason"),
        /** What is tried again: {@code purchase}, {@code release} or a request as a template (spans only). */
        RETRIED("telephony.retried"),
        /** The wait before the next try, in milliseconds (spans only). */
        DELAY("telephony.delay_ms"),
        /** {@code purchase} or {@code release}. */
        WRITE("telephony.write"),
        /** {@code bought}, {@code not_bought}, {@code released}, {@code not_released} or {@code unknown}. */
        CONCLUSION("telephony.conclusion"),
        /** The status seen: {@code pending}, {@code completed}, {@code in_progress}, … */
        ORDER_STATUS("telephony.status");

        private final String key;

        Keys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }
}
