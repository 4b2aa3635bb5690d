package org.allot.server.security;

import java.time.Instant;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * A certificate an app proves itself with (a client assertion signed with its private key): its key id, which names
 * it in the tokens issued with it, its SHA-1 and SHA-256 thumbprints (hex, upper case, as Entra shows them; client
 * assertions name the certificate by either, base64url-encoded, in {@code x5t} or {@code x5t#S256}), its subject,
 * when it is valid, and the certificate itself (DER).
 */
public record AppCertificate(
        TenantId tenant,
        UUID appId,
        UUID keyId,
        String thumbprint,
        String thumbprintSha256,
        String subject,
        byte[] der,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt) {
    public AppCertificate {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }
}
