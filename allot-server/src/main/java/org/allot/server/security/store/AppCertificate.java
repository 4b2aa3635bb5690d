package org.allot.server.security.store;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * A certificate an app proves itself with (a client assertion signed with its private key): its key id, which names
 * it in the tokens issued with it, its SHA-1 and SHA-256 thumbprints (hex, upper case, as Entra shows them; client
 * assertions name the certificate by either, base64url-encoded, in {@code x5t} or {@code x5t#S256}), its subject,
 * when it is valid, and the certificate itself (the base64 of its DER).
 */
public record AppCertificate(
        TenantId tenant,
        UUID appId,
        UUID keyId,
        String thumbprint,
        String thumbprintSha256,
        String subject,
        String encoded,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt) {

    /** The certificate (DER), from {@code encoded}, its base64. */
    public byte[] der() {
        return Base64.getDecoder().decode(encoded);
    }
}
