package org.allot.server.security.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Port: the apps allowed to call the API, with the hashes of their secrets, their certificates and the client
 * assertions they used.
 */
public interface StoredAppRegistrations {
    Optional<AppRegistration> find(UUID clientId);

    /** The tenant's apps, oldest first. */
    List<AppRegistration> of(TenantId tenant);

    void add(AppRegistration app);

    /** Replaces the secret: a new hash, a new secret id (tokens of the old one stop working) and its expiry. */
    boolean replaceSecret(TenantId tenant, UUID clientId, String secretHash, UUID secretId, Instant expiresAt);

    /** Replaces the hash of an app's secret (the same secret, hashed anew). */
    void replaceSecretHash(UUID clientId, String secretHash);

    boolean changeRole(TenantId tenant, UUID clientId, Role role);

    boolean remove(TenantId tenant, UUID clientId);

    /** The app's certificates, oldest first. */
    List<AppCertificate> certificates(TenantId tenant, UUID clientId);

    void addCertificate(AppCertificate certificate);

    boolean removeCertificate(TenantId tenant, UUID clientId, UUID keyId);

    /**
     * Takes a client assertion's JWT id once: false when the app already used it (a replay). Assertions that expired
     * are forgotten, since they cannot be used again anyway.
     */
    boolean takeAssertion(UUID clientId, String jti, Instant expiresAt, Instant now);
}
