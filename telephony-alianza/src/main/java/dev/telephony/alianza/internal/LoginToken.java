package dev.telephony.alianza.internal;

/** The answer to {@code POST /v2/authorize} ({@code LoginTokenX}): the token to send as {@code X-AUTH-TOKEN}. */
public record LoginToken(String authToken, String userId, String userType, String partitionId, String accountId,
                         String username) {
    @Override
    public String toString() {
        return "LoginToken[authToken=****, userId=" + userId + ", partitionId=" + partitionId + ", accountId=" + accountId + "]";
    }
}
