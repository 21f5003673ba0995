package dev.telephony.alianza;

import dev.telephony.api.PhoneNumber;
import dev.telephony.http.UrlPath;

/**
 * The paths of Alianza's v2 API for one partition and account, every segment encoded (a number's
 * {@code +} becomes {@code %2B}). Partition-wide paths live under {@code /v2/partition/{partitionId}},
 * the account's own under {@code …/account/{accountId}}.
 */
final class AlianzaPaths {
    /** Log-in: exchanges a username and password for an auth token. */
    static final String AUTHORIZE = "/v2/authorize";

    private final String numbers;
    private final String account;

    AlianzaPaths(String partitionId, String accountId) {
        String partition = UrlPath.of("v2", "partition", partitionId);
        this.numbers = partition + "/telephone-number";
        this.account = partition + UrlPath.of("account", accountId);
    }

    String search() {
        return numbers + "/search";
    }

    String tollFreeSearch() {
        return numbers + "/search/tollfree";
    }

    String order() {
        return numbers + "/order";
    }

    String tollFreeOrder() {
        return numbers + "/order/tollfree";
    }

    String order(String orderId) {
        return numbers + UrlPath.of("order", orderId);
    }

    String number(PhoneNumber number) {
        return numbers + UrlPath.of(number.e164());
    }

    String portCheck() {
        return numbers + "/port/check";
    }

    String ports() {
        return numbers + "/port";
    }

    String port(String portRequestId) {
        return numbers + UrlPath.of("port", portRequestId);
    }

    String accountNumbers() {
        return account + "/telephone-number";
    }

    /** Where numbers are assigned to {@code target}: {@code …/user/{userId}/telephone-number} and the like. */
    String assignments(Assignment target) {
        if (target instanceof Assignment.DeviceLine line) {
            return account + UrlPath.of("device", line.deviceId(), "line", String.valueOf(line.lineNumber()), "telephone-number");
        }
        String kind;
        if (target instanceof Assignment.EndUser) {
            kind = "user";
        } else if (target instanceof Assignment.Ivr) {
            kind = "ivr";
        } else {
            kind = "call-queue";
        }
        return account + UrlPath.of(kind, target.targetId(), "telephone-number");
    }

    /** Where {@code number}'s assignment to {@code target} is removed. */
    String assignment(Assignment target, PhoneNumber number) {
        return assignments(target) + UrlPath.of(number.e164());
    }
}
