package dev.telephony.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderBase;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random and adversarial values into every public factory, constructor, builder and setter of the
 * values: whatever is refused must be refused with {@link InvalidRequestException} naming the field
 * and the rule, and what is accepted must be well-formed (a country code of two capitals, an E.164
 * number, text without control characters).
 *
 * <p>Sized by the system property {@value #INPUTS_PROPERTY} (20,000 by default) and seeded by
 * {@value #SEED_PROPERTY}; each input is drawn from the seed and its index alone, so a failure
 * reported with its seed reproduces:
 * <pre>
 * ./mvnw -B -ntp -pl telephony-api verify -Dtest=InputFuzzTest -Dtelephony.fuzz.inputs=1000000 -Dtelephony.fuzz.seed=13
 * </pre>
 */
class InputFuzzTest {
    static final String INPUTS_PROPERTY = "telephony.fuzz.inputs";
    static final String SEED_PROPERTY = "telephony.fuzz.seed";
    private static final int INPUTS = Integer.getInteger(INPUTS_PROPERTY, 20_000);
    private static final long SEED = Long.getLong(SEED_PROPERTY, 13L);
    private static final int FAILURES_SHOWN = 15;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Members left out of the fuzz, with the reason: {@code connect} looks for providers on the
     * classpath and creates one, and what it refuses it refuses as configuration.
     */
    private static final Set<String> NOT_FUZZED = Set.of("Telephony.connect(String,Map)");

    /** One kind of input: a call, and the public members it reaches. */
    private record Op(String name, List<String> covers, Consumer<FuzzValues> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An accepted value that breaks the rules the values promise. */
    private static final class AcceptedInvalid extends RuntimeException {
        AcceptedInvalid(String what) {
            super(what);
        }
    }

    private static final List<Op> OPS = ops();

    @Test
    void everyRefusalIsAnInvalidRequestNamingTheFieldAndTheRule() {
        long started = System.nanoTime(); // for the report only
        Map<String, Long> thrown = new TreeMap<>();
        long accepted = 0;
        long failed = 0;
        List<String> failures = new ArrayList<>();
        for (long input = 0; input < INPUTS; input++) {
            FuzzValues values = new FuzzValues(new SplittableRandom(SEED ^ (input * 0x9E3779B97F4A7C15L)));
            Op op = OPS.get(values.below(OPS.size()));
            String problem;
            try {
                op.call().accept(values);
                accepted++;
                continue;
            } catch (InvalidRequestException refused) {
                thrown.merge(refused.getClass().getSimpleName(), 1L, Long::sum);
                problem = unnamed(refused);
            } catch (AcceptedInvalid invalid) {
                thrown.merge("accepted but invalid", 1L, Long::sum);
                problem = invalid.getMessage();
            } catch (Throwable other) {
                thrown.merge(other.getClass().getName(), 1L, Long::sum);
                problem = other + " at " + Arrays.stream(other.getStackTrace()).limit(4).map(String::valueOf)
                        .collect(Collectors.joining(" < "));
            }
            if (problem != null) {
                failed++;
                if (failures.size() < FAILURES_SHOWN) {
                    failures.add("input #" + input + " " + op + " with " + values.drawn() + ": " + problem);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String report = String.format("input fuzz: seed %d, %d inputs, %d accepted, thrown %s, %d failed, %d ms",
                SEED, INPUTS, accepted, thrown, failed, millis);
        System.out.println(report);
        assertThat(failures).as(report + "; rerun with -D" + SEED_PROPERTY + "=" + SEED + " -D" + INPUTS_PROPERTY + "=" + INPUTS)
                .isEmpty();
    }

    @Test
    void theFuzzReachesEveryPublicMemberThatTakesArguments() {
        Set<String> members = publicMembersTakingArguments();
        Set<String> covered = OPS.stream().flatMap(op -> op.covers().stream()).collect(Collectors.toSet());
        assertThat(covered).as("fuzzed members that do not exist (renamed?)").isSubsetOf(members);
        Set<String> reached = new HashSet<>(covered);
        reached.addAll(NOT_FUZZED);
        assertThat(members).as("public members the fuzz does not reach").isSubsetOf(reached);
    }

    @Test
    void theSameSeedDrawsTheSameInputs() {
        for (long input = 0; input < 200; input++) {
            FuzzValues first = new FuzzValues(new SplittableRandom(SEED ^ (input * 0x9E3779B97F4A7C15L)));
            FuzzValues second = new FuzzValues(new SplittableRandom(SEED ^ (input * 0x9E3779B97F4A7C15L)));
            Op op = OPS.get(first.below(OPS.size()));
            assertThat(OPS.get(second.below(OPS.size()))).isSameAs(op);
            run(op, first);
            run(op, second);
            assertThat(second.drawn()).isEqualTo(first.drawn());
        }
    }

    private static void run(Op op, FuzzValues values) {
        try {
            op.call().accept(values);
        } catch (RuntimeException ignored) {
            // only the values drawn are compared here
        }
    }

    /** Why a refusal fails to name its field and rule, or null when it names them. */
    private static String unnamed(InvalidRequestException refused) {
        List<FieldError> errors = refused.fieldErrors();
        if (errors.isEmpty()) {
            return "an InvalidRequestException naming no field: " + refused.getMessage();
        }
        for (FieldError error : errors) {
            if (error.field().isBlank() || error.rule().isBlank()) {
                return "an InvalidRequestException with a blank field or rule: " + refused.getMessage();
            }
        }
        return null;
    }

    // ---- what an accepted value must look like ----------------------------------------------

    private static void require(boolean holds, String what, Object value) {
        if (!holds) {
            throw new AcceptedInvalid("accepted " + what + ": " + FuzzValues.describe(value));
        }
    }

    private static void country(String code) {
        require(COUNTRY.matcher(code).matches(), "a country code that is not two capitals A-Z", code);
    }

    private static void number(PhoneNumber number) {
        require(E164.matcher(number.e164()).matches(), "a number that is not E.164", number.e164());
        require(number.digits().startsWith(String.valueOf(number.countryCallingCode())), "a number whose digits do not start with its country code", number);
        require(number.nationalNumber().length() < number.digits().length(), "a number with no national number", number);
    }

    private static void text(String text, int max) {
        require(!text.isBlank() && text.length() <= max, "blank or over-long text", text);
        require(text.chars().noneMatch(Character::isISOControl), "text with control characters", text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                require(!Character.isSurrogate(c), "text with an unpaired surrogate", text);
            }
        }
    }

    private static void digits(String digits, int min, int max) {
        require(DIGITS.matcher(digits).matches() && digits.length() >= min && digits.length() <= max, "digits out of shape", digits);
    }

    // ---- the inputs ----------------------------------------------------------------------

    private static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        phoneNumbers(ops);
        searches(ops);
        updatesAndRoutes(ops);
        addressesAndPorts(ops);
        purchases(ops);
        holds(ops);
        listsRegionsAndSecrets(ops);
        answers(ops);
        telephony(ops);
        services(ops);
        return List.copyOf(ops);
    }

    private static void op(List<Op> ops, List<String> covers, Consumer<FuzzValues> call) {
        ops.add(new Op(covers.get(0) + (covers.size() > 1 ? " (and " + (covers.size() - 1) + " more)" : ""), covers, call));
    }

    private static void phoneNumbers(List<Op> ops) {
        op(ops, List.of("PhoneNumber.new(String)"), v -> number(new PhoneNumber(v.e164())));
        op(ops, List.of("PhoneNumber.of(String)"), v -> number(PhoneNumber.of(v.e164())));
        op(ops, List.of("PhoneNumber.parse(String,String)"),
                v -> number(PhoneNumber.parse(v.typedNumber(), v.chance(25) ? null : v.country())));
        op(ops, List.of("DigitPattern.new(Kind,String)", "DigitPattern.matches(PhoneNumber)"), v -> {
            DigitPattern pattern = new DigitPattern(v.constant(DigitPattern.Kind.class), v.digits(1, 10));
            digits(pattern.digits(), 1, 10);
            pattern.capability();
            pattern.matches(v.number());
        });
    }

    private static void searches(List<Op> ops) {
        String b = "NumberSearch.Builder.";
        op(ops, List.of(b + "country(String)", b + "type(NumberType)", b + "areaCode(String)", b + "exchange(String)",
                b + "region(String)", b + "locality(String)", b + "rateCenter(String)", b + "startsWith(String)",
                b + "contains(String)", b + "endsWith(String)", b + "features(NumberFeature[])", b + "limit(int)",
                "NumberSearch.matches(AvailableNumber)", "NumberSearch.admits(AvailableNumber)"), v -> {
            NumberSearch.Builder search = NumberSearch.builder();
            if (v.chance(70)) {
                search.country(v.chance(80) ? "US" : v.country());
            }
            for (int step = v.below(8); step > 0; step--) {
                switch (v.below(12)) {
                    case 0 -> search.country(v.country());
                    case 1 -> search.type(v.constant(NumberType.class));
                    case 2 -> search.areaCode(v.digits(1, 5));
                    case 3 -> search.exchange(v.digits(3, 3));
                    case 4 -> search.region(v.words(64));
                    case 5 -> search.locality(v.words(128));
                    case 6 -> search.rateCenter(v.words(64));
                    case 7 -> search.startsWith(v.digits(1, 10));
                    case 8 -> search.contains(v.digits(1, 10));
                    case 9 -> search.endsWith(v.digits(1, 10));
                    case 10 -> search.features(features(v));
                    default -> search.limit(v.count(1, 100, NumberSearch.DEFAULT_LIMIT));
                }
            }
            NumberSearch built = search.build();
            country(built.country());
            require(built.limit() >= 1 && built.limit() <= NumberSearch.MAX_LIMIT, "a limit out of range", built.limit());
            built.areaCode().ifPresent(code -> digits(code, 1, 5));
            built.exchange().ifPresent(code -> digits(code, 3, 3));
            require(built.exchange().isEmpty() || built.areaCode().isPresent(), "an exchange without an area code", built);
            built.region().ifPresent(text -> text(text, 128));
            built.locality().ifPresent(text -> text(text, 128));
            built.rateCenter().ifPresent(text -> text(text, 128));
            built.requiredCapabilities();
            require(built.equals(built.toBuilder().build()), "a search that its own builder does not rebuild", built);
            built.matches(v.offer());
            built.admits(v.offer());
        });
    }

    private static NumberFeature[] features(FuzzValues v) {
        if (v.chance(8)) {
            return null;
        }
        NumberFeature[] features = new NumberFeature[v.below(4)];
        for (int i = 0; i < features.length; i++) {
            features[i] = v.constant(NumberFeature.class);
        }
        return features;
    }

    private static void updatesAndRoutes(List<Op> ops) {
        String b = "NumberUpdate.Builder.";
        op(ops, List.of(b + "name(String)", b + "voiceRoute(Route)", b + "messagingRoute(Route)", b + "callerIdName(String)",
                b + "e911Address(E911Address)", b + "features(Set)", "NumberUpdate.applyTo(OwnedNumber)"), v -> {
            NumberUpdate.Builder update = NumberUpdate.builder();
            for (int step = v.below(6); step > 0; step--) {
                switch (v.below(6)) {
                    case 0 -> update.name(v.words(64));
                    case 1 -> update.voiceRoute(v.route());
                    case 2 -> update.messagingRoute(v.route());
                    case 3 -> update.callerIdName(v.pick("ACME SALES", "A1 B2", "X".repeat(15), "X".repeat(16), "Acme"));
                    case 4 -> update.e911Address(v.e911());
                    default -> update.features(v.enums(NumberFeature.class));
                }
            }
            NumberUpdate built = update.build();
            built.name().ifPresent(name -> text(name, 64));
            built.callerIdName().ifPresent(name -> require(name.matches("[A-Z0-9 ]{1,15}"), "a caller-ID name out of shape", name));
            built.features().ifPresent(features -> require(!features.isEmpty() && !features.contains(null), "empty features", features));
            built.requiredCapabilities();
            built.toString();
            built.applyTo(v.owned());
        });
        op(ops, List.of("Route.to(String)"), v -> route(Route.to(v.url())));
        op(ops, List.of("Route.to(String,WebhookMethod)"), v -> route(Route.to(v.url(), v.constant(WebhookMethod.class))));
        op(ops, List.of("Route.withFallback(String,WebhookMethod)"),
                v -> route(Route.to("https://example.com/voice").withFallback(v.url(), v.constant(WebhookMethod.class))));
        op(ops, List.of("Route.new(URI,WebhookMethod,Optional,WebhookMethod)"), v -> route(new Route(v.uri(),
                v.constant(WebhookMethod.class), v.optional(v::uri), v.constant(WebhookMethod.class))));
    }

    private static void route(Route route) {
        Stream.concat(Stream.of(route.url()), route.fallbackUrl().stream()).forEach(url -> require(
                url.isAbsolute() && url.getScheme().toLowerCase().startsWith("http") && url.getHost() != null,
                "a webhook that is not an absolute http(s) URL", url));
    }

    private static void addressesAndPorts(List<Op> ops) {
        op(ops, List.of("Address.new(String,Optional,String,String,String,String)"), v -> address(new Address(v.words(200),
                v.optional(() -> v.words(100)), v.words(100), v.words(50), v.words(20), v.country())));
        op(ops, List.of("Address.us(String,String,String,String)"),
                v -> address(Address.us(v.words(200), v.words(100), v.words(50), v.words(20))));
        op(ops, List.of("Address.withUnit(String)"),
                v -> address(Address.us("135 Front St", "Binghamton", "NY", "13905").withUnit(v.words(100))));
        op(ops, List.of("E911Address.new(String,Address)"), v -> text(new E911Address(v.words(100), v.address()).customerName(), 100));
        op(ops, List.of("PortSubscriber.new(String,String,Optional,String)"), v -> subscriber(
                new PortSubscriber(v.words(100), v.words(100), v.optional(() -> v.words(200)), v.words(200))));
        op(ops, List.of("PortSubscriber.person(String,String)"), v -> subscriber(PortSubscriber.person(v.words(100), v.words(100))));
        op(ops, List.of("PortSubscriber.business(String,String,String,String)"), v -> subscriber(
                PortSubscriber.business(v.words(100), v.words(100), v.words(200), v.words(200))));
        String b = "PortRequest.Builder.";
        op(ops, List.of(b + "number(PhoneNumber)", b + "numbers(List)", b + "subscriber(PortSubscriber)",
                b + "serviceAddress(Address)", b + "billingTelephoneNumber(PhoneNumber)", b + "carrierAccountNumber(String)",
                b + "pin(String)", b + "requestedDate(LocalDate)", b + "currentProvider(String)", b + "reference(String)",
                "PortRequest.requireNotice(Period,Clock)"), v -> {
            PortRequest.Builder port = PortRequest.builder();
            if (v.chance(60)) {
                port.number(PhoneNumber.of("+12125550100")).subscriber(PortSubscriber.person("John", "Doe"))
                        .serviceAddress(Address.us("135 Front St", "Binghamton", "NY", "13905"))
                        .billingTelephoneNumber(PhoneNumber.of("+12125550100")).carrierAccountNumber("123")
                        .requestedDate(LocalDate.of(2026, 2, 1));
            }
            for (int step = v.below(6); step > 0; step--) {
                switch (v.below(10)) {
                    case 0 -> port.number(v.number());
                    case 1 -> port.numbers(v.list(v::number));
                    case 2 -> port.subscriber(v.subscriber());
                    case 3 -> port.serviceAddress(v.address());
                    case 4 -> port.billingTelephoneNumber(v.number());
                    case 5 -> port.carrierAccountNumber(v.words(64));
                    case 6 -> port.pin(v.pick("s3cr3t-8642", "s3cr3t 0000"));
                    case 7 -> port.requestedDate(v.date());
                    case 8 -> port.currentProvider(v.words(100));
                    default -> port.reference(v.words(64));
                }
            }
            PortRequest built = port.build();
            require(!built.numbers().isEmpty() && Set.copyOf(built.numbers()).size() == built.numbers().size(),
                    "a port with no or repeated numbers", built.numbers());
            text(built.carrierAccountNumber(), 64);
            require(!built.toString().contains("s3cr3t"), "a port that shows its PIN", built);
            built.requireNotice(v.period(), v.clock());
        });
    }

    private static void address(Address address) {
        text(address.street(), 200);
        address.unit().ifPresent(unit -> text(unit, 100));
        text(address.city(), 100);
        text(address.state(), 50);
        text(address.postalCode(), 20);
        country(address.country());
    }

    private static void subscriber(PortSubscriber subscriber) {
        text(subscriber.firstName(), 100);
        text(subscriber.lastName(), 100);
        subscriber.companyName().ifPresent(name -> text(name, 200));
        text(subscriber.authorizedName(), 200);
    }

    private static void purchases(List<Op> ops) {
        op(ops, List.of("PurchaseRequest.of(AvailableNumber[])"), v -> {
            List<AvailableNumber> offers = v.list(v::offer);
            purchase(v, PurchaseRequest.of(offers == null ? null : offers.toArray(new AvailableNumber[0])));
        });
        op(ops, List.of("PurchaseRequest.ofOffers(List)"), v -> purchase(v, PurchaseRequest.ofOffers(v.list(v::offer))));
        op(ops, List.of("PurchaseRequest.of(PhoneNumber[])"), v -> {
            List<PhoneNumber> numbers = v.list(v::number);
            purchase(v, PurchaseRequest.of(numbers == null ? null : numbers.toArray(new PhoneNumber[0])));
        });
        op(ops, List.of("PurchaseRequest.ofNumbers(List)", "PurchaseRequest.withName(String)",
                "PurchaseRequest.withReference(String)", "PurchaseRequest.forNumbers(List)", "PurchaseRequest.offer(PhoneNumber)",
                "PurchaseRequest.requireLiveHolds(Instant,ErrorContext)"), v -> purchase(v, PurchaseRequest.ofNumbers(v.list(v::number))));
    }

    private static void purchase(FuzzValues v, PurchaseRequest request) {
        require(!request.numbers().isEmpty() && request.numbers().size() <= PurchaseRequest.MAX_NUMBERS
                && Set.copyOf(request.numbers()).size() == request.numbers().size(), "a purchase of no, too many or repeated numbers",
                request.numbers());
        PurchaseRequest next = switch (v.below(5)) {
            case 0 -> request.withName(v.words(64));
            case 1 -> request.withReference(v.pick("ref-1", "a.b:c_d-e", "x".repeat(64), "x".repeat(65), "has spaces"));
            case 2 -> request.forNumbers(v.list(v::number));
            case 3 -> {
                request.offer(v.number());
                yield request;
            }
            default -> {
                request.requireLiveHolds(v.instant(), v.chance(90) ? ErrorContext.none() : null);
                yield request;
            }
        };
        next.name().ifPresent(name -> text(name, 64));
        next.reference().ifPresent(reference -> require(reference.matches("[A-Za-z0-9._:-]{1,64}"), "a reference out of shape", reference));
        next.requiredCapabilities();
        next.toString();
    }

    private static void holds(List<Op> ops) {
        op(ops, List.of("HoldRequest.of(AvailableNumber[])"), v -> {
            List<AvailableNumber> offers = v.list(v::offer);
            hold(v, HoldRequest.of(offers == null ? null : offers.toArray(new AvailableNumber[0])));
        });
        op(ops, List.of("HoldRequest.ofOffers(List)"), v -> hold(v, HoldRequest.ofOffers(v.list(v::offer))));
        op(ops, List.of("HoldRequest.of(PhoneNumber[])"), v -> {
            List<PhoneNumber> numbers = v.list(v::number);
            hold(v, HoldRequest.of(numbers == null ? null : numbers.toArray(new PhoneNumber[0])));
        });
        op(ops, List.of("HoldRequest.ofNumbers(List)", "HoldRequest.offer(PhoneNumber)",
                "HoldRequest.requireLiveOffers(Instant,ErrorContext)"), v -> hold(v, HoldRequest.ofNumbers(v.list(v::number))));
        op(ops, List.of("HeldNumber.new(AvailableNumber,Status,Optional,Optional)", "HeldNumber.held(AvailableNumber)",
                "HeldNumber.error(AvailableNumber,String,String)", "HeldNumber.withStatus(Status)",
                "Hold.new(String,HoldStatus,List,Instant,Map)", "Hold.of(String,HoldStatus,List,Instant)",
                "Hold.number(PhoneNumber)", "Hold.expired(Instant)", "HoldPurchase.of(Hold)", "HoldPurchase.of(String)",
                "HoldPurchase.requireLiveHold(Instant,ErrorContext)"), v -> {
            List<HeldNumber> numbers = v.list(() -> switch (v.below(3)) {
                case 0 -> HeldNumber.held(v.offer());
                case 1 -> HeldNumber.error(v.offer(), v.chance(50) ? null : v.words(32), v.chance(50) ? null : v.words(200));
                default -> new HeldNumber(v.offer(), v.constant(HeldNumber.Status.class), v.optional(() -> v.words(32)),
                        v.optional(() -> v.words(200))).withStatus(v.constant(HeldNumber.Status.class));
            });
            String id = v.pick("7e1e0000-0000-4000-8000-000000000001", "hold-1");
            Hold hold = v.chance(50) ? Hold.of(id, v.constant(HoldStatus.class), numbers, v.instant())
                    : new Hold(id, v.constant(HoldStatus.class), numbers, v.instant(), v.attributes());
            require(!hold.id().isBlank(), "a hold without an id", hold.id());
            hold.number(v.number());
            hold.expired(v.instant());
            HoldPurchase purchase = v.chance(50) ? HoldPurchase.of(hold) : HoldPurchase.of(v.pick(hold.id(), "hold-2"));
            require(!purchase.holdId().isBlank(), "a hold purchase without an id", purchase.holdId());
            purchase.requireLiveHold(v.instant(), v.chance(90) ? ErrorContext.none() : null);
            purchase.agreeingNotToResell().toString();
        });
        op(ops, List.of("NumberSearch.Builder.holdResults(boolean)"), v -> {
            boolean held = v.chance(50);
            NumberSearch search = NumberSearch.builder().country(v.chance(90) ? "US" : v.country()).holdResults(held).build();
            require(search.holdResults() == held && search.requiredCapabilities().contains(Capability.HOLDS) == held,
                    "a search that holds without needing HOLDS, or the other way round", search);
        });
    }

    private static void hold(FuzzValues v, HoldRequest request) {
        require(!request.numbers().isEmpty() && request.numbers().size() <= HoldRequest.MAX_NUMBERS
                && Set.copyOf(request.numbers()).size() == request.numbers().size(), "a hold of no, too many or repeated numbers",
                request.numbers());
        if (v.chance(50)) {
            request.offer(v.number());
        } else {
            request.requireLiveOffers(v.instant(), v.chance(90) ? ErrorContext.none() : null);
        }
        request.toString();
    }

    private static void listsRegionsAndSecrets(List<Op> ops) {
        op(ops, List.of("ListQuery.Builder.nameContains(String)", "ListQuery.Builder.numberContains(String)",
                "ListQuery.Builder.pageSize(int)", "ListQuery.matches(OwnedNumber)"), v -> {
            ListQuery.Builder query = ListQuery.builder();
            for (int step = v.below(4); step > 0; step--) {
                switch (v.below(3)) {
                    case 0 -> query.nameContains(v.words(64));
                    case 1 -> query.numberContains(v.digits(1, 15));
                    default -> query.pageSize(v.count(1, ListQuery.DEFAULT_PAGE_SIZE, ListQuery.MAX_PAGE_SIZE));
                }
            }
            ListQuery built = query.build();
            require(built.pageSize() >= 1 && built.pageSize() <= ListQuery.MAX_PAGE_SIZE, "a page size out of range", built.pageSize());
            built.nameContains().ifPresent(text -> text(text, 64));
            built.numberContains().ifPresent(text -> digits(text, 1, 15));
            built.matches(v.owned());
        });
        op(ops, List.of("Region.new(String,String,RegionKind,String,Optional,Set)"), v -> country(new Region(v.words(64),
                v.words(64), v.constant(RegionKind.class), v.country(), v.optional(() -> v.words(64)),
                v.enums(NumberType.class)).countryCode()));
        op(ops, List.of("Region.country(String,String,Set)"),
                v -> country(Region.country(v.country(), v.words(64), v.enums(NumberType.class)).countryCode()));
        op(ops, List.of("Secret.of(String,String)"), v -> {
            Secret secret = Secret.of(v.pick("token", "port.pin"), v.pick("s3cr3t", "8642"));
            require(secret.toString().equals("****"), "a secret that shows itself", secret);
        });
    }

    /** The values providers build from their answers: nulls in them must be refused as well. */
    private static void answers(List<Op> ops) {
        op(ops, List.of("AvailableNumber.new(PhoneNumber,NumberType,Set,String,Optional,Optional,Optional,Optional,Map)"),
                v -> country(new AvailableNumber(v.number(), v.constant(NumberType.class), v.enums(NumberFeature.class), v.country(),
                        v.optional(() -> v.words(64)), v.optional(() -> v.words(64)), v.optional(() -> v.words(64)),
                        v.optional(v::instant), v.attributes()).countryCode()));
        String a = "AvailableNumber.Builder.";
        op(ops, List.of("AvailableNumber.builder(PhoneNumber)", a + "type(NumberType)", a + "features(Set)",
                a + "countryCode(String)", a + "region(String)", a + "locality(String)", a + "rateCenter(String)",
                a + "holdExpiresAt(Instant)", a + "attribute(String,String)", "AvailableNumber.holdExpired(Instant)"), v -> {
            AvailableNumber.Builder offer = AvailableNumber.builder(v.number());
            for (int step = v.below(6); step > 0; step--) {
                switch (v.below(8)) {
                    case 0 -> offer.type(v.constant(NumberType.class));
                    case 1 -> offer.features(v.enums(NumberFeature.class));
                    case 2 -> offer.countryCode(v.country());
                    case 3 -> offer.region(v.words(64));
                    case 4 -> offer.locality(v.words(64));
                    case 5 -> offer.rateCenter(v.words(64));
                    case 6 -> offer.holdExpiresAt(v.instant());
                    default -> offer.attribute(v.pick("lata", "price"), v.words(64));
                }
            }
            AvailableNumber built = offer.build();
            country(built.countryCode());
            built.holdExpired(v.instant());
        });
        op(ops, List.of("OwnedNumber.new(String,PhoneNumber,Optional,NumberType,Set,NumberStatus,Optional,Optional,Optional,Optional,Optional,Map)"),
                v -> new OwnedNumber(v.pick("PN1", "id"), v.number(), v.optional(() -> v.words(64)), v.constant(NumberType.class),
                        v.enums(NumberFeature.class), v.constant(NumberStatus.class), v.optional(v::route), v.optional(v::route),
                        v.optional(v::e911), v.optional(() -> v.words(15)), v.optional(v::instant), v.attributes()));
        String o = "OwnedNumber.Builder.";
        op(ops, List.of("OwnedNumber.builder(String,PhoneNumber)", o + "name(String)", o + "type(NumberType)", o + "features(Set)",
                o + "status(NumberStatus)", o + "voiceRoute(Route)", o + "messagingRoute(Route)", o + "e911Address(E911Address)",
                o + "callerIdName(String)", o + "createdAt(Instant)", o + "attribute(String,String)"), v -> {
            OwnedNumber.Builder owned = OwnedNumber.builder(v.pick("PN1", "id"), v.number());
            for (int step = v.below(6); step > 0; step--) {
                switch (v.below(10)) {
                    case 0 -> owned.name(v.words(64));
                    case 1 -> owned.type(v.constant(NumberType.class));
                    case 2 -> owned.features(v.enums(NumberFeature.class));
                    case 3 -> owned.status(v.constant(NumberStatus.class));
                    case 4 -> owned.voiceRoute(v.route());
                    case 5 -> owned.messagingRoute(v.route());
                    case 6 -> owned.e911Address(v.e911());
                    case 7 -> owned.callerIdName(v.words(15));
                    case 8 -> owned.createdAt(v.instant());
                    default -> owned.attribute(v.pick("friendly_name", "sid"), v.words(64));
                }
            }
            owned.build().toBuilder().build();
        });
        op(ops, List.of("PurchaseOrder.new(String,PurchaseStatus,List,List,List,Optional,Optional,Optional,Map,List)"),
                v -> new PurchaseOrder(v.pick("order-1"), v.constant(PurchaseStatus.class), v.list(v::number), v.list(v::number),
                        v.list(() -> v.chance(10) ? null : new PurchaseFailure(PhoneNumber.of("+12125550100"), "taken", Optional.empty())),
                        v.optional(() -> v.words(64)), v.optional(v::instant), v.optional(() -> v.words(64)), v.attributes(),
                        v.list(() -> v.chance(10) ? null : OwnedNumber.builder("n-1", PhoneNumber.of("+12125550100")).build())));
        String p = "PurchaseOrder.Builder.";
        op(ops, List.of("PurchaseOrder.builder(String,PurchaseStatus)", p + "requested(List)", p + "purchased(List)",
                p + "failure(PhoneNumber,String,String)", p + "failures(List)", p + "details(String)", p + "createdAt(Instant)",
                p + "reference(String)", p + "attribute(String,String)", p + "owned(List)"), v -> {
            PurchaseOrder.Builder order = PurchaseOrder.builder(v.pick("order-1"), v.constant(PurchaseStatus.class));
            for (int step = v.below(6); step > 0; step--) {
                switch (v.below(9)) {
                    case 0 -> order.requested(v.list(v::number));
                    case 1 -> order.purchased(v.list(v::number));
                    case 2 -> order.failure(v.number(), v.words(64), v.words(16));
                    case 3 -> order.failures(v.list(() -> v.chance(10) ? null
                            : new PurchaseFailure(PhoneNumber.of("+12125550100"), "taken", Optional.of("21452"))));
                    case 4 -> order.details(v.words(64));
                    case 5 -> order.createdAt(v.instant());
                    case 6 -> order.reference(v.words(64));
                    case 7 -> order.owned(v.list(() -> v.chance(10) ? null : OwnedNumber.builder("n-1", PhoneNumber.of("+12125550100")).build()));
                    default -> order.attribute(v.pick("operationId"), v.words(64));
                }
            }
            order.build().isTerminal();
        });
        op(ops, List.of("PortOrder.new(String,PortStatus,List,Optional,LocalDate,Optional,Optional,Optional,Map)"),
                v -> new PortOrder(v.pick("port-1"), v.constant(PortStatus.class), v.list(() -> v.chance(10) ? null
                        : new PortedNumber(PhoneNumber.of("+12125550100"), PortStatus.PENDING, Optional.empty())),
                        v.optional(() -> v.words(64)), v.date(), v.optional(v::date), v.optional(v::instant), v.optional(v::instant),
                        v.attributes()).phoneNumbers());
        op(ops, List.of("PortedNumber.new(PhoneNumber,PortStatus,Optional)"),
                v -> new PortedNumber(v.number(), v.constant(PortStatus.class), v.optional(() -> v.words(64))));
        op(ops, List.of("PortabilityResult.new(PhoneNumber,boolean,Optional,Optional,Optional,Optional)"),
                v -> new PortabilityResult(v.number(), v.chance(50), v.optional(() -> v.words(64)), v.optional(() -> v.words(64)),
                        v.optional(() -> v.count(0, 30)), v.optional(() -> v.words(64))));
        op(ops, List.of("PurchaseFailure.new(PhoneNumber,String,Optional)"),
                v -> new PurchaseFailure(v.number(), v.words(64), v.optional(() -> v.words(16))));
        op(ops, List.of("Page.new(List,Optional)"), v -> new Page<>(v.list(v::number), v.optional(() -> v.words(64))));
        op(ops, List.of("ProviderInfo.new(String,String,List,Set,boolean)"), v -> new ProviderInfo(v.pick("in-memory"),
                v.pick("a carrier"), v.list(() -> v.chance(10) ? null : ConfigKey.optional("space", "the space")),
                v.enums(Capability.class), v.chance(50)));
    }

    private static void telephony(List<Op> ops) {
        String t = "Telephony.Builder.";
        op(ops, List.of(t + "provider(String)", t + "config(Map)", t + "config(String,String)", t + "classLoader(ClassLoader)",
                t + "systemProperties(Properties)", t + "environment(Map)", t + "clock(Clock)", t + "sleeper(Sleeper)", t + "listener(TelephonyListener)"), v -> {
            Telephony.Builder builder = Telephony.builder();
            for (int step = 1 + v.below(4); step > 0; step--) {
                switch (v.below(9)) {
                    case 0 -> builder.provider(v.pick("in-memory", "signalwire"));
                    case 7 -> builder.listener(v.chance(15) ? null : new dev.telephony.api.event.TelephonyListener() { });
                    case 1 -> builder.config(v.attributes());
                    case 2 -> builder.config(v.pick("space", "project-id"), v.pick("acme", "p-1"));
                    case 3 -> builder.classLoader(v.chance(50) ? null : InputFuzzTest.class.getClassLoader());
                    case 4 -> builder.systemProperties(v.chance(15) ? null : new Properties());
                    case 5 -> builder.environment(v.attributes());
                    case 6 -> builder.clock(v.clock());
                    default -> builder.sleeper(v.chance(15) ? null : d -> { });
                }
            }
        });
    }

    // ---- the services, through ProviderBase ------------------------------------------------

    /**
     * A provider whose services only count their calls: ProviderBase must refuse every null before
     * one of them is called.
     */
    private static final class CountingProvider extends ProviderBase {
        final AtomicInteger calls;

        CountingProvider(AtomicInteger calls) {
            super("counting", EnumSet.allOf(Capability.class), counting(NumberInventory.class, calls),
                    counting(NumberPurchaser.class, calls), counting(PortingService.class, calls), List.of(new StringBuilder("extension")));
            this.calls = calls;
        }

        private static <T> T counting(Class<T> service, AtomicInteger calls) {
            return service.cast(Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("toString") ? service.getSimpleName() : method.invoke(calls, args);
                }
                calls.incrementAndGet();
                return null;
            }));
        }
    }

    private static void services(List<Op> ops) {
        ops.add(new Op("a service method through ProviderBase", List.of(), v -> {
            AtomicInteger calls = new AtomicInteger();
            CountingProvider provider = new CountingProvider(calls);
            List<Object> args = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            Runnable call = switch (v.below(15)) {
                case 0 -> {
                    String country = arg(args, v.country());
                    yield new Regions(() -> provider.inventory().regions(country));
                }
                case 1 -> {
                    NumberSearch search = arg(args, v.chance(85) ? NumberSearch.builder().country("US").build() : null);
                    yield () -> provider.inventory().search(search);
                }
                case 2 -> {
                    ListQuery query = arg(args, v.chance(85) ? ListQuery.all() : null);
                    yield () -> provider.inventory().list(query);
                }
                case 3 -> {
                    PhoneNumber number = arg(args, v.number());
                    yield () -> provider.inventory().get(number);
                }
                case 4 -> {
                    PhoneNumber number = arg(args, v.number());
                    NumberUpdate update = arg(args, v.chance(85) ? NumberUpdate.builder().name("Sales").build() : null);
                    yield () -> provider.inventory().update(number, update);
                }
                case 5 -> {
                    PhoneNumber number = arg(args, v.number());
                    yield () -> provider.inventory().release(number);
                }
                case 6 -> {
                    PurchaseRequest request = arg(args, v.chance(85) ? PurchaseRequest.of(PhoneNumber.of("+12125550100")) : null);
                    yield () -> provider.purchaser().purchase(request);
                }
                case 7 -> {
                    String id = arg(args, v.pick("order-1", ""));
                    ids.add(id);
                    yield () -> provider.purchaser().order(id);
                }
                case 8 -> {
                    String id = arg(args, v.pick("order-1"));
                    ids.add(id);
                    Duration timeout = arg(args, v.duration());
                    yield () -> provider.purchaser().await(id, timeout);
                }
                case 9 -> {
                    PhoneNumber number = arg(args, v.number());
                    yield () -> provider.porting().checkPortability(number);
                }
                case 10 -> {
                    PortRequest request = arg(args, v.chance(85) ? PortRequest.builder().number(PhoneNumber.of("+12125550100"))
                            .subscriber(PortSubscriber.person("John", "Doe")).serviceAddress(Address.us("1 Main St", "Albany", "NY", "12207"))
                            .billingTelephoneNumber(PhoneNumber.of("+12125550100")).carrierAccountNumber("1")
                            .requestedDate(LocalDate.of(2026, 2, 1)).build() : null);
                    yield () -> provider.porting().submit(request);
                }
                case 11 -> {
                    String id = arg(args, v.pick("port-1"));
                    ids.add(id);
                    yield () -> provider.porting().get(id);
                }
                case 12 -> {
                    String id = arg(args, v.pick("port-1"));
                    ids.add(id);
                    yield () -> provider.porting().cancel(id);
                }
                case 13 -> {
                    String id = arg(args, v.pick("port-1"));
                    ids.add(id);
                    Duration timeout = arg(args, v.duration());
                    yield () -> provider.porting().await(id, timeout);
                }
                default -> {
                    Class<?> type = arg(args, v.chance(50) ? null : CharSequence.class);
                    yield () -> {
                        provider.unwrap(type);
                        calls.incrementAndGet(); // an extension found counts as the call reaching the provider
                    };
                }
            };
            boolean refuse = args.contains(null) || args.stream().anyMatch(a -> a instanceof Duration d && d.isNegative())
                    || call instanceof Regions && !asciiCountry((String) args.get(0))
                    || ids.stream().anyMatch(id -> id != null && !issuableId(id));
            try {
                call.run();
            } catch (InvalidRequestException refused) {
                require(refuse, "a refusal of arguments ProviderBase must pass on", args);
                require(calls.get() == 0, "a service called with arguments ProviderBase refused", args);
                throw refused;
            }
            require(!refuse, "arguments ProviderBase must refuse", args);
            require(calls.get() == 1, "a call that did not reach the service exactly once", calls.get());
        }));
    }

    /** {@code regions(countryCode)}, told apart because its one argument is checked for shape as well. */
    private record Regions(Runnable call) implements Runnable {
        @Override
        public void run() {
            call.run();
        }
    }

    /** Whether an order or port id could be one a provider issued: not blank, printable, not huge. */
    private static boolean issuableId(String id) {
        if (id.isBlank() || id.length() > dev.telephony.api.spi.Arguments.MAX_ID_LENGTH) {
            return false;
        }
        return id.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || Character.isWhitespace(c));
    }

    private static boolean asciiCountry(String code) {
        String text = code.strip();
        return text.length() == 2 && text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }

    private static <T> T arg(List<Object> args, T value) {
        args.add(value);
        return value;
    }

    // ---- what the fuzz must reach ------------------------------------------------------------

    /**
     * Every public constructor and method taking arguments, of every public class of the package
     * and its public nested classes, except equals and compareTo: the members a caller can hand a
     * bad value. Named as the fuzz names them, {@code NumberSearch.Builder.limit(int)}.
     */
    private static Set<String> publicMembersTakingArguments() {
        Set<String> members = new HashSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.telephony.api")) {
            if (!type.getPackageName().equals("dev.telephony.api") || type.isInterface() || type.isEnum()
                    || !type.getModifiers().contains(JavaModifier.PUBLIC)
                    || type.getEnclosingClass().map(outer -> !outer.getModifiers().contains(JavaModifier.PUBLIC)).orElse(false)
                    || type.isAnonymousClass()) {
                continue;
            }
            Class<?> reflected = type.reflect();
            Stream.<Executable>concat(Arrays.stream(reflected.getConstructors()), Arrays.stream(reflected.getDeclaredMethods()))
                    .filter(member -> Modifier.isPublic(member.getModifiers()) && !member.isSynthetic())
                    .filter(member -> member.getParameterCount() > 0)
                    .filter(member -> !(member instanceof Method m) || !(m.isBridge() || m.getName().equals("equals")
                            || m.getName().equals("compareTo")))
                    .forEach(member -> members.add(key(member)));
        }
        return members;
    }

    private static String key(Executable member) {
        String owner = member.getDeclaringClass().getName().substring("dev.telephony.api.".length()).replace('$', '.');
        String name = member instanceof Constructor<?> ? "new" : member.getName();
        return owner + "." + name + "(" + Arrays.stream(member.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",")) + ")";
    }
}
