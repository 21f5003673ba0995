package dev.telephony.azure;

import java.util.List;
import java.util.Optional;

/**
 * Azure's SIP (direct) routing: trunks and the routes that send calls to them. Reached with
 * {@code telephony.unwrap(AzureExtensions.class).sipRouting()}. Routes are checked before sending: a
 * route may not name an unknown trunk, and a trunk a route uses cannot be deleted.
 */
public interface AzureSipRouting {
    List<SipTrunk> trunks();

    Optional<SipTrunk> trunk(String fqdn);

    /** Adds or replaces one trunk. */
    void setTrunk(SipTrunk trunk);

    /** Deletes a trunk; refused with {@link dev.telephony.api.error.ConflictException} while a route uses it. */
    void deleteTrunk(String fqdn);

    List<SipRoute> routes();

    Optional<SipRoute> route(String name);

    /** Replaces every route, in order; each must name configured trunks only. */
    void setRoutes(List<SipRoute> routes);

    /** Adds or replaces one route, keeping the others in order. */
    void setRoute(SipRoute route);

    /** Deletes one route; nothing happens when there is none by that name. */
    void deleteRoute(String name);
}
