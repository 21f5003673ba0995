package dev.telephony.alianza.internal;

/** {@code POST /v2/authorize}: the credentials exchanged for an auth token. */
public record Login(String username, String password) {
    @Override
    public String toString() {
        return "Login[username=" + username + ", password=****]";
    }
}
