package dev.telephony.composite;

import dev.telephony.api.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Composite order ids: everything needed to follow an order lives in its id, so that {@code order(id)} and
 * {@code await(id, …)} work from the id alone after a restart.
 *
 * <ul>
 *   <li>An order placed whole with one member: {@code cmp1.<member>.<member's order id>}, readable at a glance.</li>
 *   <li>Anything else (parts at several members, numbers no member took, failover replacements):
 *       {@code cmp2.<base64url>} of lines {@code r <numbers>}, {@code p <member> <base64url order id> <numbers>}
 *       and {@code f <refused> <replacement>}.</li>
 * </ul>
 */
final class OrderIds {
    private static final String SIMPLE = "cmp1.";
    private static final String FULL = "cmp2.";

    private OrderIds() {
    }

    static String encode(OrderRouting routing) {
        if (routing.parts().size() == 1 && routing.replacements().isEmpty()
                && routing.parts().get(0).numbers().equals(routing.requested())) {
            OrderRouting.Part part = routing.parts().get(0);
            return SIMPLE + part.member() + "." + part.orderId();
        }
        StringBuilder text = new StringBuilder("r ").append(numbers(routing.requested()));
        for (OrderRouting.Part part : routing.parts()) {
            text.append("\np ").append(part.member()).append(' ').append(base64(part.orderId())).append(' ')
                    .append(numbers(part.numbers()));
        }
        routing.replacements().forEach((refused, replacement) ->
                text.append("\nf ").append(refused.e164()).append(' ').append(replacement.e164()));
        return FULL + base64(text.toString());
    }

    /** The routing an id describes, or empty when it is not a composite order id. */
    static Optional<OrderRouting> decode(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            if (id.startsWith(SIMPLE)) {
                String rest = id.substring(SIMPLE.length());
                int dot = rest.indexOf('.');
                if (dot <= 0 || dot == rest.length() - 1) {
                    return Optional.empty();
                }
                // the numbers of a simple order are the member's to tell
                return Optional.of(new OrderRouting(List.of(),
                        List.of(new OrderRouting.Part(rest.substring(0, dot), rest.substring(dot + 1), List.of())), Map.of()));
            }
            if (!id.startsWith(FULL)) {
                return Optional.empty();
            }
            String text = new String(Base64.getUrlDecoder().decode(id.substring(FULL.length())), StandardCharsets.UTF_8);
            List<PhoneNumber> requested = null;
            List<OrderRouting.Part> parts = new ArrayList<>();
            Map<PhoneNumber, PhoneNumber> replacements = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                String[] fields = line.split(" ", -1);
                switch (fields[0]) {
                    case "r" -> requested = parse(fields[1]);
                    case "p" -> parts.add(new OrderRouting.Part(fields[1],
                            new String(Base64.getUrlDecoder().decode(fields[2]), StandardCharsets.UTF_8), parse(fields[3])));
                    case "f" -> replacements.put(PhoneNumber.of(fields[1]), PhoneNumber.of(fields[2]));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return requested == null || requested.isEmpty() ? Optional.empty()
                    : Optional.of(new OrderRouting(requested, parts, replacements));
        } catch (RuntimeException notOurs) {
            // a foreign or damaged id is simply not one of ours
            return Optional.empty();
        }
    }

    /** Whether the routing came from a simple id, whose numbers only the member's order tells. */
    static boolean isSimple(OrderRouting routing) {
        return routing.requested().isEmpty();
    }

    private static String numbers(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).collect(Collectors.joining(","));
    }

    private static List<PhoneNumber> parse(String csv) {
        return csv.isEmpty() ? List.of() : java.util.Arrays.stream(csv.split(",")).map(PhoneNumber::of).toList();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
