package org.allot.server.ldap;

import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.sync.Secrets;
import org.allot.server.security.MasterKey;

/**
 * Seals directory passwords with the installation's master key ({@link MasterKey}: AES-GCM, a random nonce each
 * time), each bound to its tenant, so that a sealed password copied to another tenant does not open.
 */
public final class AesGcmSecrets implements Secrets {
    private final MasterKey key;

    public AesGcmSecrets(MasterKey key) {
        this.key = key;
    }

    /** @param base64Key a key in base64 (16, 24 or 32 bytes); null or blank for none (nothing can be sealed then) */
    public AesGcmSecrets(String base64Key) {
        this(base64Key == null || base64Key.isBlank() ? null : MasterKey.of(base64Key, MasterKey.LEGACY_PROPERTY));
    }

    @Override
    public Outcome<String> seal(TenantId tenant, String secret) {
        if (key == null) {
            return Outcome.refused(Rejection.invalid(
                    "Directory passwords are stored encrypted, and this server has no key to encrypt them with:"
                            + " set %s to 32 random bytes in base64 (openssl rand -base64 32), the same on every"
                            + " server.",
                    MasterKey.PROPERTY));
        }
        return Outcome.done(key.seal(tenant.toString(), secret));
    }

    @Override
    public Outcome<String> open(TenantId tenant, String sealed) {
        if (key == null) {
            return Outcome.refused(Rejection.invalid(
                    "The directory password is stored encrypted and this server has no %s to decrypt it with.",
                    MasterKey.PROPERTY));
        }
        if (!MasterKey.isSealed(sealed)) {
            return Outcome.refused(Rejection.invalid("The stored directory password is not in a known format."));
        }
        return key.open(tenant.toString(), sealed)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Rejection.invalid(
                        "The stored directory password cannot be decrypted with this server's %s (was the key"
                                + " changed?): enter the password again.",
                        MasterKey.PROPERTY)));
    }
}
