package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.testkit.wire.ReadingParity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pages of the account's numbers, and single numbers, are checked against Azure's documented shape
 * from their tokens first: whatever that check vouches for, the tree check must accept, and whatever
 * the tree check refuses, it must not vouch for.
 */
class AzureShapesTokenTest {
    static final String NUMBER = "{\"id\":\"12125550100\",\"phoneNumber\":\"+12125550100\",\"countryCode\":\"US\","
            + "\"phoneNumberType\":\"geographic\",\"capabilities\":{\"calling\":\"inbound+outbound\",\"sms\":\"none\",\"extra\":[1]},"
            + "\"assignmentType\":\"application\",\"purchaseDate\":\"2026-01-05T09:00:00.1234567+00:00\","
            + "\"cost\":{\"amount\":1.0,\"currencyCode\":\"USD\",\"billingFrequency\":\"monthly\"},\"operatorName\":null}";
    static final String PAGE = "{\"phoneNumbers\":[" + NUMBER + "," + NUMBER.replace("0100", "0101").replace("1.0", "2")
            + "],\"nextLink\":\"/phoneNumbers?skip=2&top=2&api-version=2022-12-01\"}";

    @Test
    void documentedPagesAndNumbersAreVouchedForFromTheirTokens() {
        assertThat(AzureShapes.SurelyInShape.numberList(bytes(PAGE))).isTrue();
        assertThat(AzureShapes.SurelyInShape.numberList(bytes("{\"phoneNumbers\":[],\"nextLink\":null}"))).isTrue();
        assertThat(AzureShapes.SurelyInShape.number(bytes(NUMBER))).isTrue();
        assertThat(AzureShapes.treeComplaint(AzureShapes.NUMBER_LIST, bytes(PAGE))).isEmpty();
        assertThat(AzureShapes.treeComplaint(AzureShapes.NUMBER, bytes(NUMBER))).isEmpty();
    }

    @Test
    void bodiesOutsideTheShapeAreNotVouchedForAndTheTreeCheckSaysWhatIsWrong() {
        for (String body : List.of("", "[]", "{}", "{\"phoneNumbers\":null}", "{\"phoneNumbers\":[null]}", "{\"phoneNumbers\":{}}",
                "{\"phoneNumbers\":[],\"nextLink\":5}", "{\"phoneNumbers\":[" + NUMBER.replace("\"id\":\"12125550100\",", "") + "]}",
                "{\"phoneNumbers\":[" + NUMBER.replace("\"12125550100\"", "\" \"") + "]}",
                "{\"phoneNumbers\":[" + NUMBER.replace("\"12125550100\"", "\"\\u2003\\t\"") + "]}",
                "{\"phoneNumbers\":[" + NUMBER.replace("2026-01-05T09:00:00.1234567+00:00", "2026-02-30T09:00:00Z") + "]}",
                "{\"phoneNumbers\":[" + NUMBER.replace("\"amount\":1.0", "\"amount\":\"1.0\"") + "]}",
                "{\"phoneNumbers\":[" + NUMBER.replace("\"sms\":\"none\"", "\"sms\":null") + "]}",
                "{\"phoneNumbers\":[" + NUMBER.replace("\"cost\":{", "\"cost\":{\"x\":1},\"ignored\":{") + "]}")) {
            assertThat(AzureShapes.SurelyInShape.numberList(bytes(body))).as(body).isFalse();
            assertThat(AzureShapes.complaint(AzureShapes.NUMBER_LIST, bytes(body))).as(body).isPresent();
        }
        // a repeated key is its last value to the tree: vouched for only when every value of it is in shape
        String twice = "{\"phoneNumbers\":[],\"phoneNumbers\":[" + NUMBER + "]}";
        assertThat(AzureShapes.SurelyInShape.numberList(bytes(twice))).isTrue();
        assertThat(AzureShapes.treeComplaint(AzureShapes.NUMBER_LIST, bytes(twice))).isEmpty();
        String spoiledLast = "{\"phoneNumbers\":[" + NUMBER + "],\"phoneNumbers\":null}";
        assertThat(AzureShapes.SurelyInShape.numberList(bytes(spoiledLast))).isFalse();
        assertThat(AzureShapes.complaint(AzureShapes.NUMBER_LIST, bytes(spoiledLast))).isPresent();
        String idTwice = NUMBER.replace("\"id\":\"12125550100\",", "\"id\":\"12125550100\",\"id\":5,");
        assertThat(AzureShapes.SurelyInShape.number(bytes(idTwice))).isFalse();
        assertThat(AzureShapes.complaint(AzureShapes.NUMBER, bytes(idTwice))).isPresent();
    }

    @Test
    void aStringIsBlankForTheTokensExactlyWhenItIsForTheTree() {
        for (String id : List.of(" ", "\\u2003", "\\u00A0", "\\uD83D\\uDE00", "\\r\\n x", "\\u001C")) {
            byte[] body = bytes(NUMBER.replace("\"id\":\"12125550100\"", "\"id\":\"" + id + "\""));
            assertThat(AzureShapes.SurelyInShape.number(body)).as(id).isEqualTo(AzureShapes.treeComplaint(AzureShapes.NUMBER, body).isEmpty());
        }
    }

    @Test
    void whateverTheTokensVouchForOfASpoiledAnswerTheTreeCheckAccepts() {
        // the fast reading of a shape check vouches (present) or leaves it to the tree (empty); the tree accepts (present) or complains
        ReadingParity.check(PAGE, 300, body -> vouched(AzureShapes.SurelyInShape.numberList(bytes(body))),
                body -> vouched(AzureShapes.treeComplaint(AzureShapes.NUMBER_LIST, bytes(body)).isEmpty()));
        ReadingParity.check(NUMBER, 300, body -> vouched(AzureShapes.SurelyInShape.number(bytes(body))),
                body -> vouched(AzureShapes.treeComplaint(AzureShapes.NUMBER, bytes(body)).isEmpty()));
    }

    private static Optional<Boolean> vouched(boolean inShape) {
        return inShape ? Optional.of(true) : Optional.empty();
    }

    @Test
    void shorteningFoldsWhitespaceAsTheRegularExpressionDoes() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ab \t\n\u000B\f\r\u00A0x";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            String folded = value.replaceAll("\\s+", " ").strip();
            assertThat(AzureErrors.shorten(value)).as("'%s'", value).isEqualTo(folded.length() <= 160 ? folded : folded.substring(0, 160) + "…");
        }
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
