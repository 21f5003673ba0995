package dev.telephony.alianza;

import dev.telephony.api.error.InvalidRequestException;

/**
 * What an Alianza number is assigned to: an end user, a line of a device, an IVR or a call queue. A
 * number in use this way rings somewhere, so the provider refuses to release it until it is
 * unassigned (see {@link AlianzaExtensions#unassignAndRelease(dev.telephony.api.PhoneNumber)}).
 */
public sealed interface Assignment permits Assignment.EndUser, Assignment.DeviceLine, Assignment.Ivr, Assignment.CallQueue {
    /** The id of the user, device, IVR or call queue the number is assigned to. */
    String targetId();

    /** Alianza's name for this kind of assignment ({@code END_USER}, {@code DEVICE_LINE}, {@code IVR}, {@code CALL_QUEUE}). */
    String type();

    /**
     * Assigned to an end user.
     *
     * @param userId  the user's id
     * @param primary whether it is the user's primary number
     */
    record EndUser(String userId, boolean primary) implements Assignment {
        public EndUser {
            userId = requireId("assignment.userId", userId);
        }

        @Override
        public String targetId() {
            return userId;
        }

        @Override
        public String type() {
            return "END_USER";
        }
    }

    /**
     * Assigned directly to one line of a device.
     *
     * @param deviceId   the device's id
     * @param lineNumber the line, from 1
     */
    record DeviceLine(String deviceId, int lineNumber) implements Assignment {
        public DeviceLine {
            deviceId = requireId("assignment.deviceId", deviceId);
            if (lineNumber < 1 || lineNumber > 999) {
                throw InvalidRequestException.of("assignment.lineNumber", "must be between 1 and 999, was " + lineNumber);
            }
        }

        @Override
        public String targetId() {
            return deviceId;
        }

        @Override
        public String type() {
            return "DEVICE_LINE";
        }
    }

    /**
     * Assigned to an IVR (auto attendant).
     *
     * @param ivrId the IVR's id
     */
    record Ivr(String ivrId) implements Assignment {
        public Ivr {
            ivrId = requireId("assignment.ivrId", ivrId);
        }

        @Override
        public String targetId() {
            return ivrId;
        }

        @Override
        public String type() {
            return "IVR";
        }
    }

    /**
     * Assigned to a call queue (ACD).
     *
     * @param queueId the call queue's id
     */
    record CallQueue(String queueId) implements Assignment {
        public CallQueue {
            queueId = requireId("assignment.queueId", queueId);
        }

        @Override
        public String targetId() {
            return queueId;
        }

        @Override
        public String type() {
            return "CALL_QUEUE";
        }
    }

    private static String requireId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (id.strip().length() > 128) {
            throw InvalidRequestException.of(field, "must be at most 128 characters, was " + id.strip().length());
        }
        return id.strip();
    }
}
