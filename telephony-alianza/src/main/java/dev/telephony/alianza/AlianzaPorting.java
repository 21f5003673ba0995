package dev.telephony.alianza;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.telephony.alianza.internal.Port;
import dev.telephony.alianza.internal.PortCheck;
import dev.telephony.alianza.internal.PortSubmission;
import dev.telephony.api.Capability;
import dev.telephony.api.Listing;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortStatus;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortedNumber;
import dev.telephony.api.PortingService;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Polling;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Porting numbers in over the guide's endpoints: {@code GET …/telephone-number/port/check},
 * {@code POST …/telephone-number/port}, {@code GET} and {@code DELETE …/telephone-number/port/{id}},
 * and {@code GET …/telephone-number/port?accountId=} to list the account's ports. Every field the
 * losing carrier checks is validated before anything is sent, the requested date included: at least
 * {@link #MINIMUM_NOTICE} ahead, as the guide demands.
 */
final class AlianzaPorting implements PortingService {
    /** The guide's minimum notice for a port ("minimum 7 days"). */
    static final Period MINIMUM_NOTICE = Period.ofDays(7);
    /** How long to wait between looks at a port when Alianza does not say (the guide's example polls every 30 seconds). */
    static final Duration DEFAULT_PACE = Duration.ofSeconds(30);
    /** What a port request's answer must carry: the guide's examples always have them, and the neutral port needs them. */
    private static final Map<String, JsonNodeType> PORT = AlianzaAnswers.required("portRequestId", JsonNodeType.STRING,
            "status", JsonNodeType.STRING, "telephoneNumbers", JsonNodeType.ARRAY, "requestedDate", JsonNodeType.STRING);

    private final RestClient client;
    private final AlianzaAnswers answers;
    private final AlianzaPaths paths;
    private final String accountId;
    private final Set<Capability> capabilities;
    private final AlianzaInventory inventory;
    private final Polling polling;

    AlianzaPorting(RestClient client, AlianzaAnswers answers, AlianzaPaths paths, String accountId, Set<Capability> capabilities,
                   AlianzaInventory inventory) {
        this.client = client;
        this.answers = answers;
        this.paths = paths;
        this.accountId = accountId;
        this.capabilities = capabilities;
        this.inventory = inventory;
        this.polling = new Polling(client.clock(), client.sleeper(), client.context());
    }

    @Override
    public PortabilityResult checkPortability(PhoneNumber number) {
        require();
        requireNanp("telephoneNumber", number);
        HttpResponse response = client.read(HttpRequest.get(paths.portCheck()).query("telephoneNumber", number.e164()));
        PortCheck check = answers.object(response, PortCheck.class, "a portability check",
                AlianzaAnswers.required("portable", JsonNodeType.BOOLEAN));
        if (check.telephoneNumber() != null && !answers.mapped(response, check.telephoneNumber(), PhoneNumber::of, "a portability check")
                .equals(number)) {
            throw answers.unusable(response, "a portability check", "it is about " + check.telephoneNumber() + ", not " + number);
        }
        boolean portable = Boolean.TRUE.equals(check.portable());
        Optional<String> reason = Optional.ofNullable(AlianzaNumbers.blankToNull(check.reason()));
        if (!portable && reason.isEmpty()) {
            reason = Optional.of("Alianza reports the number as not portable");
        }
        return new PortabilityResult(number, portable, Optional.ofNullable(AlianzaNumbers.blankToNull(check.currentCarrier())),
                Optional.ofNullable(AlianzaNumbers.blankToNull(check.lineType())), Optional.ofNullable(check.estimatedDays()),
                portable ? Optional.empty() : reason);
    }

    @Override
    public PortOrder submit(PortRequest request) {
        require();
        if (request == null) {
            throw InvalidRequestException.of("port", "is required");
        }
        PortSubmission submission = submission(request);
        HttpRequest post = client.withJson(HttpRequest.post(paths.ports()), submission);
        HttpResponse response = client.send(post);
        Port port = answers.object(response, Port.class, "a port request", PORT);
        return answers.mapped(response, port, AlianzaPorting::portOrder, "a port request");
    }

    /** The submission, after every rule the guide states has been checked. */
    PortSubmission submission(PortRequest request) {
        request.requireNotice(MINIMUM_NOTICE, client.clock());
        for (int i = 0; i < request.numbers().size(); i++) {
            requireNanp("port.numbers[" + i + "]", request.numbers().get(i));
        }
        requireNanp("port.billingTelephoneNumber", request.billingTelephoneNumber());
        String currentProvider = request.currentProvider().orElseThrow(() -> InvalidRequestException.of("port.currentProvider",
                "is required: Alianza sends the port to the losing carrier by name"));
        var subscriber = request.subscriber();
        return new PortSubmission(request.numbers().stream().map(PhoneNumber::e164).toList(), accountId,
                new PortSubmission.Subscriber(subscriber.firstName(), subscriber.lastName(), subscriber.companyName().orElse(null),
                        subscriber.authorizedName()),
                AlianzaNumbers.postalBody("port.serviceAddress", request.serviceAddress()),
                request.billingTelephoneNumber().e164(), request.carrierAccountNumber(),
                request.pin().map(dev.telephony.api.Secret::reveal).orElse(null), request.requestedDate().toString(), currentProvider);
    }

    @Override
    public Optional<PortOrder> get(String portId) {
        require();
        return snapshot(portId).map(Snapshot::port);
    }

    @Override
    public Listing<PortOrder> list() {
        require();
        return PagedListing.of(client.provider(), token -> {
            HttpResponse response = client.read(HttpRequest.get(paths.ports()).query("accountId", accountId));
            List<Port> ports = answers.array(response, Port.class, "the account's port requests", PORT);
            return new Page<>(ports.stream().map(p -> answers.mapped(response, p, AlianzaPorting::portOrder, "a port request")).toList(),
                    Optional.empty());
        });
    }

    @Override
    public PortOrder cancel(String portId) {
        require();
        PortOrder port = get(portId).orElseThrow(() -> new NotFoundException("no " + client.provider() + " port " + portId,
                client.context()));
        if (port.status() == PortStatus.CANCELLED) {
            return port;
        }
        if (port.status() != PortStatus.PENDING) {
            throw new ConflictException("port " + portId + " is " + port.status() + " and can no longer be cancelled"
                    + (port.status() == PortStatus.APPROVED || port.status() == PortStatus.IN_PROGRESS
                    ? ": the losing carrier has approved it" : ""), client.context());
        }
        try {
            client.send(HttpRequest.delete(paths.port(portId)));
        } catch (ProviderUnavailableException ambiguous) {
            // the answer was lost: the port's own record says whether the cancellation went through
            PortOrder now = get(portId).orElseThrow(() -> ambiguous);
            if (now.status() != PortStatus.CANCELLED) {
                throw ambiguous;
            }
            return now;
        }
        return get(portId).orElseThrow(() -> new NotFoundException("port " + portId + " vanished after its cancellation",
                client.context()));
    }

    @Override
    public PortOrder await(String portId, Duration timeout) {
        require();
        return polling.await(portId, timeout,
                () -> snapshot(portId).orElseThrow(() -> new NotFoundException("no " + client.provider() + " port " + portId,
                        client.context())),
                s -> s.port().status().isTerminal(), Snapshot::pace, s -> s.port().status().name()).port();
    }

    /** A port as it stands, and how long Alianza asks us to wait before looking again. */
    record Snapshot(PortOrder port, Duration pace) {
    }

    private Optional<Snapshot> snapshot(String portId) {
        if (portId == null || portId.isBlank()) {
            return Optional.empty();
        }
        HttpResponse response;
        try {
            response = client.read(HttpRequest.get(paths.port(portId)));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
        PortOrder port = answers.mapped(response, answers.object(response, Port.class, "a port request", PORT),
                AlianzaPorting::portOrder, "a port request");
        return Optional.of(new Snapshot(port, client.retryAfter(response).orElse(DEFAULT_PACE)));
    }

    /** A port request in neutral form. */
    static PortOrder portOrder(Port port) {
        PortStatus status = portStatus(port.status());
        Optional<String> reason = Optional.ofNullable(AlianzaNumbers.blankToNull(port.rejectionReason()));
        List<PortedNumber> numbers = port.telephoneNumbers().stream()
                .map(n -> new PortedNumber(PhoneNumber.of(n), status, status == PortStatus.REJECTED ? reason : Optional.empty()))
                .toList();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("status", port.status());
        Optional.ofNullable(AlianzaNumbers.blankToNull(port.estimatedCompletionDate())).ifPresent(d -> attributes.put("estimatedCompletionDate", d));
        Optional.ofNullable(AlianzaNumbers.blankToNull(port.currentProvider())).ifPresent(p -> attributes.put("currentProvider", p));
        return new PortOrder(AlianzaNumbers.required(port.portRequestId(), "portRequestId"), status, numbers,
                status == PortStatus.REJECTED ? reason : Optional.empty(),
                date(port.requestedDate()).orElseThrow(() -> new IllegalArgumentException("no requestedDate")),
                date(port.focDate()), instant(port.submittedDate()), instant(port.completedDate()), attributes);
    }

    /** The guide's port statuses, and the public OpenAPI's carrier statuses a port also passes through. */
    static PortStatus portStatus(String status) {
        String value = AlianzaNumbers.required(status, "status").toUpperCase(Locale.ROOT);
        return switch (value) {
            case "PENDING", "PORT_PENDING", "SUBMITTED" -> PortStatus.PENDING;
            case "APPROVED", "FOC_RECEIVED" -> PortStatus.APPROVED;
            case "IN_PROGRESS", "ACTIVATION_PENDING" -> PortStatus.IN_PROGRESS;
            case "COMPLETED", "COMPLETE", "ACTIVE" -> PortStatus.COMPLETED;
            case "REJECTED", "PORT_REJECTED" -> PortStatus.REJECTED;
            case "CANCELLED", "CANCELED", "CANCEL_PORT", "CANCEL_PORT_EXPIDITED", "CANCEL_PORT_COMPLETE" -> PortStatus.CANCELLED;
            default -> throw new IllegalArgumentException("an unknown port status '" + status + "'");
        };
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("an unreadable date '" + text + "'", e);
        }
    }

    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return date(text).map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
    }

    private static void requireNanp(String field, PhoneNumber number) {
        if (number == null) {
            throw InvalidRequestException.of(field, "is required");
        }
        if (!number.isNanp()) {
            throw InvalidRequestException.of(field, "Alianza ports North American (+1) numbers only, was " + number);
        }
    }

    private void require() {
        Capabilities.require(client.provider(), capabilities, Capability.PORTING);
    }
}
