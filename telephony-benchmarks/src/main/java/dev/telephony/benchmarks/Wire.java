package dev.telephony.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Canned answers in the providers' wire shapes (our own fixtures, written in the documented shapes). */
final class Wire {
    static final String SW_NUMBERS = "/api/relay/rest/phone_numbers";
    static final String LAML_ROOT = "/2010-04-01";
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String LAML_NUMBERS = LAML_ROOT + "/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers.json";
    static final String NUMBER = "+12125550100";

    private Wire() {
    }

    static String signalWireNumber(String id, String number) {
        return "{\"id\":\"" + id + "\",\"number\":\"" + number + "\",\"name\":\"Support line\",\"capabilities\":[\"voice\",\"sms\",\"mms\"],"
                + "\"number_type\":\"longcode\",\"e911_address_id\":null,\"created_at\":\"2026-01-05T09:00:00Z\","
                + "\"updated_at\":\"2026-01-05T09:00:00Z\",\"next_billed_at\":\"2026-02-05T09:00:00Z\",\"call_handler\":\"laml_webhooks\","
                + "\"calling_handler_resource_id\":null,\"call_receive_mode\":\"voice\",\"call_request_url\":\"https://example.com/voice\","
                + "\"call_request_method\":\"POST\",\"call_fallback_url\":null,\"call_fallback_method\":null,\"call_status_callback_url\":null,"
                + "\"call_status_callback_method\":null,\"call_laml_application_id\":null,\"message_handler\":null,"
                + "\"message_request_url\":null,\"message_request_method\":null,\"country_code\":\"US\"}";
    }

    static String signalWirePage(int count, String next) {
        StringJoiner data = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            data.add(signalWireNumber("0c1ff6ee-6c3f-4a8e-9b0f-" + String.format("%012d", i), i == 0 ? NUMBER : String.format("+1646%07d", i)));
        }
        return "{\"links\":{\"self\":\"x\"" + (next == null ? "" : ",\"next\":\"" + next + "\"") + "},\"data\":[" + data + "]}";
    }

    static String signalWireSearch(int count) {
        StringJoiner data = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            data.add("{\"number\":\"" + String.format("+1212555%04d", i) + "\",\"region\":\"NY\",\"city\":\"New York\","
                    + "\"rate_center\":\"NWYRCYZN01\",\"lata\":\"132\",\"capabilities\":{\"voice\":true,\"sms\":true,\"mms\":true,\"fax\":false}}");
        }
        return "{\"links\":{\"self\":\"x\"},\"data\":[" + data + "]}";
    }

    static String lamlNumber(String sid, String number) {
        return "{\"account_sid\":\"" + ACCOUNT + "\",\"address_requirements\":\"none\",\"address_sid\":null,\"api_version\":\"2010-04-01\","
                + "\"beta\":false,\"capabilities\":{\"voice\":true,\"sms\":true,\"mms\":true,\"fax\":false},\"country_code\":\"US\","
                + "\"date_created\":\"Thu, 30 Jul 2015 23:19:04 +0000\",\"date_updated\":\"Thu, 30 Jul 2015 23:19:04 +0000\","
                + "\"emergency_status\":\"Inactive\",\"emergency_address_sid\":null,\"friendly_name\":\"(212) 555-0100\",\"identity_sid\":null,"
                + "\"origin\":\"twilio\",\"phone_number\":\"" + number + "\",\"sid\":\"" + sid + "\",\"sms_application_sid\":null,"
                + "\"sms_fallback_method\":\"POST\",\"sms_fallback_url\":null,\"sms_method\":\"POST\",\"sms_url\":null,\"status_callback\":null,"
                + "\"status_callback_method\":\"POST\",\"trunk_sid\":null,\"uri\":\"" + LAML_ROOT + "/Accounts/" + ACCOUNT
                + "/IncomingPhoneNumbers/" + sid + ".json\",\"voice_application_sid\":null,\"voice_caller_id_lookup\":false,"
                + "\"voice_fallback_method\":\"POST\",\"voice_fallback_url\":null,\"voice_method\":\"POST\",\"voice_url\":\"https://example.com/voice\","
                + "\"voice_receive_mode\":\"voice\",\"status\":\"in-use\",\"type\":\"local\"}";
    }

    static String lamlPage(int count) {
        StringJoiner items = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            items.add(lamlNumber(String.format("PN%032d", i), i == 0 ? NUMBER : String.format("+1646%07d", i)));
        }
        return "{\"uri\":\"" + LAML_NUMBERS + "\",\"first_page_uri\":\"" + LAML_NUMBERS + "?Page=0\",\"next_page_uri\":null,"
                + "\"previous_page_uri\":null,\"page\":0,\"page_size\":" + count + ",\"start\":0,\"end\":" + (count - 1)
                + ",\"incoming_phone_numbers\":[" + items + "]}";
    }

    static String lamlSearch(int count) {
        StringJoiner items = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            items.add("{\"friendly_name\":\"(212) 555-" + String.format("%04d", i) + "\",\"phone_number\":\"" + String.format("+1212555%04d", i)
                    + "\",\"lata\":null,\"rate_center\":\"NWYRCYZN01\",\"latitude\":null,\"longitude\":null,\"region\":\"NY\","
                    + "\"postal_code\":null,\"iso_country\":\"US\",\"locality\":null,\"capabilities\":{\"voice\":true,\"SMS\":true,\"MMS\":true},"
                    + "\"beta\":false}");
        }
        return "{\"uri\":\"x\",\"available_phone_numbers\":[" + items + "]}";
    }

    static String azureNumber(String number) {
        return "{\"id\":\"" + number.substring(1) + "\",\"phoneNumber\":\"" + number + "\",\"countryCode\":\"US\",\"phoneNumberType\":\"geographic\","
                + "\"capabilities\":{\"calling\":\"inbound+outbound\",\"sms\":\"inbound+outbound\"},\"assignmentType\":\"application\","
                + "\"purchaseDate\":\"2026-01-05T09:00:00+00:00\",\"cost\":{\"amount\":1.0,\"currencyCode\":\"USD\",\"billingFrequency\":\"monthly\"}}";
    }

    static String azurePage(int count) {
        StringJoiner items = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            items.add(azureNumber(i == 0 ? NUMBER : String.format("+1646%07d", i)));
        }
        return "{\"phoneNumbers\":[" + items + "]}";
    }

    /** A SignalWire list page of {@code size} minimal numbers from offset {@code page * size}, with a next link until {@code total}. */
    static byte[] generatedSignalWirePage(URI uri, int total) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        int size = intParam(query, "page_size", 1000);
        int page = intParam(query, "page_number", 0);
        int from = page * size;
        int to = Math.min(from + size, total);
        StringBuilder body = new StringBuilder(to > from ? (to - from) * 160 : 64).append("{\"links\":{\"self\":\"x\"");
        if (to < total) {
            body.append(",\"next\":\"http://127.0.0.1").append(SW_NUMBERS).append("?page_size=").append(size)
                    .append("&page_number=").append(page + 1).append("&page_token=PA").append(page + 1).append('"');
        }
        body.append("},\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                body.append(',');
            }
            body.append("{\"id\":\"n").append(i).append("\",\"number\":\"+1").append(2000000000L + i)
                    .append("\",\"name\":null,\"capabilities\":[\"voice\"],\"number_type\":\"longcode\",\"created_at\":\"2026-01-05T09:00:00Z\"}");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int intParam(String query, String name, int fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Integer.parseInt(pair.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
