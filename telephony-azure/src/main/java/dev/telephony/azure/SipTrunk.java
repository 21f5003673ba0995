package dev.telephony.azure;

import dev.telephony.api.error.InvalidRequestException;

/**
 * A SIP trunk Azure routes calls to.
 *
 * @param fqdn the trunk's fully qualified domain name
 * @param port its SIP signalling port, 1 to 65535
 */
public record SipTrunk(String fqdn, int port) {
    public SipTrunk {
        if (fqdn == null || !fqdn.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw InvalidRequestException.of("trunk.fqdn", "must be a fully qualified domain name such as sbc.example.com, was '" + fqdn + "'");
        }
        if (port < 1 || port > 65535) {
            throw InvalidRequestException.of("trunk.port", "must be between 1 and 65535, was " + port);
        }
    }
}
