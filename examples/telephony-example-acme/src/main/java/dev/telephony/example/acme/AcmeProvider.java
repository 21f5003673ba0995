package dev.telephony.example.acme;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Region;
import dev.telephony.api.Secret;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.ProviderBase;
import dev.telephony.api.spi.Receipts;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Unsupported;
import dev.telephony.http.Authentication;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import dev.telephony.http.RestProviderBuilder;
import dev.telephony.http.StatusErrors;
import dev.telephony.http.UrlPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Acme Telecom as a telephony provider: bearer token, search, one purchase per request, a paged list,
 * get, patch and delete, {@code {code,message}} errors. Everything a provider shares with the others
 * (retries, reconciliation after a lost answer, paging, capability checks, secret redaction) comes
 * from the toolkit.
 */
public final class AcmeProvider extends ProviderBase {
    static final String NAME = "acme";
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE,
            Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.LIST, Capability.NAMES, Capability.RELEASE));

    private final RestClient client;

    private AcmeProvider(RestClient client) {
        super(NAME, CAPABILITIES, new Inventory(client), new Purchaser(client), null, List.of(), client.events());
        this.client = client;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Acme's builder: its base URL and token, plus what every REST provider takes. */
    public static final class Builder extends RestProviderBuilder<Builder> {
        private URI baseUrl = URI.create("https://api.acme.example");
        private Secret token;

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        public Builder apiToken(Secret token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public AcmeProvider build() {
            if (token == null) {
                throw InvalidRequestException.of("apiToken", "is required");
            }
            return new AcmeProvider(restClient(NAME, baseUrl).authentication(Authentication.bearer(token))
                    .errors(StatusErrors.jsonFields("code", "message")).build());
        }
    }

    // ---- Acme's wire shapes: every field Acme documents as always present is checked ----------

    record Number(String id, String number, String name, String type, List<String> features,
                  @JsonProperty("created_at") String createdAt) {
    }

    record Numbers(List<Number> numbers, @JsonProperty("next_page_token") String nextPageToken) {
    }

    record Offer(String number, String type, List<String> features) {
    }

    record Offers(List<Offer> numbers) {
    }

    static AvailableNumber offer(RestClient client, HttpResponse response, Offer o) {
        return client.mapped(response, "available number", () -> AvailableNumber.builder(PhoneNumber.of(o.number()))
                .countryCode("US").type(type(o.type())).features(features(o.features())).build());
    }

    static OwnedNumber owned(RestClient client, HttpResponse response, Number n) {
        return client.mapped(response, "number", () -> OwnedNumber.builder(Objects.requireNonNull(n.id()), PhoneNumber.of(n.number()))
                .name(n.name()).type(type(n.type())).features(features(n.features())).status(NumberStatus.ACTIVE)
                .createdAt(Instant.parse(n.createdAt())).build());
    }

    private static NumberType type(String type) {
        return switch (Objects.requireNonNull(type)) {
            case "local" -> NumberType.LOCAL;
            case "toll_free" -> NumberType.TOLL_FREE;
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static Set<NumberFeature> features(List<String> names) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        Objects.requireNonNull(names).forEach(f -> features.add(NumberFeature.valueOf(f.toUpperCase(Locale.ROOT))));
        return features;
    }

    // ---- the services --------------------------------------------------------------------------

    private record Inventory(RestClient client) implements NumberInventory {
        @Override
        public List<Region> regions() {
            throw Unsupported.capability(NAME, Capability.REGIONS);
        }

        @Override
        public List<Region> regions(String countryCode) {
            throw Unsupported.capability(NAME, Capability.REGIONS);
        }

        @Override
        public List<AvailableNumber> search(NumberSearch search) {
            HttpRequest request = HttpRequest.get("/v1/available-numbers").query("country", search.country())
                    .query("area_code", search.areaCode().orElseThrow()).query("limit", search.limit());
            HttpResponse response = client.read(request);
            List<Offer> offers = client.mapped(response, "available numbers", () -> List.copyOf(client.json(response, Offers.class).numbers()));
            // a number's type comes from Acme's answer; one that is not what was asked for is left out
            return offers.stream().map(o -> offer(client, response, o)).filter(o -> o.type() == NumberType.LOCAL)
                    .limit(search.limit()).toList();
        }

        @Override
        public Listing<OwnedNumber> list(ListQuery query) {
            return PagedListing.of(NAME, token -> {
                HttpRequest request = HttpRequest.get("/v1/numbers").query("page_size", query.pageSize());
                HttpResponse response = client.read(token.map(t -> request.query("page_token", t)).orElse(request));
                // Acme always sends next_page_token (null on the last page): without it the answer is broken
                Numbers page = client.json(response, Numbers.class, "numbers", "next_page_token");
                List<Number> numbers = client.mapped(response, "page of numbers", () -> List.copyOf(page.numbers()));
                return new Page<>(numbers.stream().map(n -> owned(client, response, n)).filter(query::matches).toList(),
                        Optional.ofNullable(page.nextPageToken()));
            });
        }

        @Override
        public Optional<OwnedNumber> get(PhoneNumber number) {
            try {
                HttpResponse response = client.read(HttpRequest.get(UrlPath.of("v1", "numbers", number.e164())));
                return Optional.of(owned(client, response, client.json(response, Number.class)));
            } catch (NotFoundException notOurs) {
                return Optional.empty();
            }
        }

        @Override
        public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
            HttpRequest patch = client.withJson(HttpRequest.patch(UrlPath.of("v1", "numbers", number.e164())),
                    update.name().map(name -> Map.of("name", name)).orElse(Map.of()));
            try {
                HttpResponse response = client.idempotentWrite("update", patch);
                return owned(client, response, client.json(response, Number.class));
            } catch (NotFoundException gone) {
                throw new NumberNotFoundException(number, gone.context());
            }
        }

        @Override
        public void release(PhoneNumber number) {
            try {
                client.reconciliation().release(number, Reconciliation.Release.of(
                        () -> client.send(HttpRequest.delete(UrlPath.of("v1", "numbers", number.e164()))),
                        () -> get(number).isPresent()));
            } catch (NotFoundException gone) {
                throw new NumberNotFoundException(number, gone.context());
            }
        }
    }

    private record Purchaser(RestClient client) implements NumberPurchaser {
        private static final Receipts RECEIPTS = new Receipts("acme1-");

        @Override
        public PurchaseOrder purchase(PurchaseRequest request) {
            request.requireLiveHolds(client.clock().instant(), client.context());
            Inventory inventory = new Inventory(client);
            return client.reconciliation().purchaseEach(request, RECEIPTS, new Reconciliation.SingleNumberPurchase() {
                @Override
                public Optional<String> buy(PurchaseRequest single) {
                    PhoneNumber number = single.numbers().get(0);
                    HttpResponse response;
                    try {
                        response = client.send(client.withJson(HttpRequest.post("/v1/numbers"), Map.of("number", number.e164())));
                    } catch (NotFoundException | dev.telephony.api.error.ConflictException | InvalidRequestException refused) {
                        throw new NumberNotAvailableException(List.of(number), refused.context(), refused);
                    }
                    owned(client, response, client.json(response, Number.class));
                    return Optional.empty();
                }

                @Override
                public boolean owns(PhoneNumber number) {
                    return inventory.get(number).isPresent();
                }

                @Override
                public Optional<String> afterBought(PurchaseRequest single) {
                    single.name().ifPresent(name -> inventory.update(single.numbers().get(0), NumberUpdate.builder().name(name).build()));
                    return Optional.empty();
                }
            });
        }

        @Override
        public Optional<PurchaseOrder> order(String orderId) {
            return RECEIPTS.order(orderId);
        }

        @Override
        public PurchaseOrder await(String orderId, Duration timeout) {
            return RECEIPTS.await(orderId, client.context());
        }
    }
}
