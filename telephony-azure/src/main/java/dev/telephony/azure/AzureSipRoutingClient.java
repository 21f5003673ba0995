package dev.telephony.azure;

import com.azure.communication.phonenumbers.siprouting.SipRoutingClient;
import com.azure.communication.phonenumbers.siprouting.models.SipTrunkRoute;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.spi.Retrier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link AzureSipRouting} over the SDK's {@link SipRoutingClient}, checking routes against trunks before sending. */
final class AzureSipRoutingClient implements AzureSipRouting {
    private final SipRoutingClient client;
    private final AzureErrors errors;
    private final Retrier retrier;

    AzureSipRoutingClient(SipRoutingClient client, AzureErrors errors, Retrier retrier) {
        this.client = client;
        this.errors = errors;
        this.retrier = retrier;
    }

    private <T> T read(String what, java.util.function.Supplier<T> call) {
        return retrier.call(what, () -> errors.call(call));
    }

    @Override
    public List<SipTrunk> trunks() {
        return read("trunks", () -> {
            List<SipTrunk> trunks = new ArrayList<>();
            client.listTrunks().forEach(t -> trunks.add(new SipTrunk(t.getFqdn(), t.getSipSignalingPort())));
            return List.copyOf(trunks);
        });
    }

    @Override
    public Optional<SipTrunk> trunk(String fqdn) {
        return trunks().stream().filter(t -> t.fqdn().equalsIgnoreCase(fqdn)).findFirst();
    }

    @Override
    public void setTrunk(SipTrunk trunk) {
        errors.call(() -> {
            client.setTrunk(new com.azure.communication.phonenumbers.siprouting.models.SipTrunk(trunk.fqdn(), trunk.port()));
            return null;
        });
    }

    @Override
    public void deleteTrunk(String fqdn) {
        List<String> users = routes().stream().filter(r -> r.trunks().stream().anyMatch(fqdn::equalsIgnoreCase))
                .map(SipRoute::name).toList();
        if (!users.isEmpty()) {
            throw new ConflictException("trunk " + fqdn + " is used by route(s) " + users + "; change those routes first",
                    errors.context());
        }
        errors.call(() -> {
            client.deleteTrunk(fqdn);
            return null;
        });
    }

    @Override
    public List<SipRoute> routes() {
        return read("routes", () -> {
            List<SipRoute> routes = new ArrayList<>();
            client.listRoutes().forEach(r -> routes.add(new SipRoute(r.getName(), Optional.ofNullable(r.getDescription()),
                    r.getNumberPattern(), r.getTrunks() == null ? List.of() : r.getTrunks())));
            return List.copyOf(routes);
        });
    }

    @Override
    public Optional<SipRoute> route(String name) {
        return routes().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Override
    public void setRoutes(List<SipRoute> routes) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        trunks().forEach(t -> known.add(t.fqdn().toLowerCase(java.util.Locale.ROOT)));
        for (int i = 0; i < routes.size(); i++) {
            SipRoute route = routes.get(i);
            if (!names.add(route.name())) {
                throw InvalidRequestException.of("routes[" + i + "].name", "names route '" + route.name() + "' twice");
            }
            for (String trunk : route.trunks()) {
                if (!known.contains(trunk.toLowerCase(java.util.Locale.ROOT))) {
                    throw InvalidRequestException.of("routes[" + i + "].trunks", "route '" + route.name()
                            + "' names trunk " + trunk + ", which is not configured; configured: " + known);
                }
            }
        }
        List<SipTrunkRoute> sdk = routes.stream().map(r -> new SipTrunkRoute(r.name(), r.numberPattern())
                .setDescription(r.description().orElse(null)).setTrunks(r.trunks())).toList();
        errors.call(() -> {
            client.setRoutes(sdk);
            return null;
        });
    }

    @Override
    public void setRoute(SipRoute route) {
        List<SipRoute> all = new ArrayList<>(routes());
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(route.name())) {
                at = i;
            }
        }
        if (at >= 0) {
            all.set(at, route);
        } else {
            all.add(route);
        }
        setRoutes(all);
    }

    @Override
    public void deleteRoute(String name) {
        List<SipRoute> all = new ArrayList<>(routes());
        if (all.removeIf(r -> r.name().equals(name))) {
            setRoutes(all);
        }
    }
}
