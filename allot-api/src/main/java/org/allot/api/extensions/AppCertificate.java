package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A certificate an app proves itself with (a client assertion signed with its private key), as Entra's key
 * credentials show it: {@code keyId} names it; {@code thumbprint} (SHA-1, hex, what Entra calls the
 * customKeyIdentifier) and {@code thumbprintSha256} are what a client assertion's {@code x5t} and {@code x5t#S256}
 * headers hold, base64url-encoded; {@code certificate} is the certificate (PEM) when it is sent to register it.
 */
public record AppCertificate(
        String keyId,
        String displayName,
        String thumbprint,
        String thumbprintSha256,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        OffsetDateTime createdDateTime,
        String certificate) {}
