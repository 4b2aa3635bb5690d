package org.allot.server.ldap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.sync.Secrets;

/**
 * Seals directory passwords with AES-GCM under the key of {@code allot.sync.encryption-key} (base64 of 16, 24 or 32
 * bytes; every server sharing the database needs the same one). Each sealing has its own random nonce and is bound
 * to its tenant, so a sealed password copied to another tenant does not open. Format: {@code v1:} then base64 of
 * nonce and ciphertext.
 */
public final class AesGcmSecrets implements Secrets {
    static final String PROPERTY = "allot.sync.encryption-key";
    private static final String VERSION = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key the key in base64; null or blank when none is configured (nothing can be sealed then) */
    public AesGcmSecrets(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            this.key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be base64 (for example from `openssl rand -base64 32`)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be base64 of 16, 24 or 32 bytes, not " + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    @Override
    public Outcome<String> seal(TenantId tenant, String secret) {
        if (key == null) {
            return Outcome.refused(Rejection.invalid(
                    "Directory passwords are stored encrypted, and this server has no key to encrypt them with:"
                            + " set %s to 32 random bytes in base64 (openssl rand -base64 32), the same on every"
                            + " server.",
                    PROPERTY));
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, tenant, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Outcome.done(VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public Outcome<String> open(TenantId tenant, String sealed) {
        if (key == null) {
            return Outcome.refused(Rejection.invalid(
                    "The directory password is stored encrypted and this server has no %s to decrypt it with.",
                    PROPERTY));
        }
        if (!sealed.startsWith(VERSION)) {
            return Outcome.refused(Rejection.invalid("The stored directory password is not in a known format."));
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, tenant, nonce);
            return Outcome.done(new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Outcome.refused(Rejection.invalid(
                    "The stored directory password cannot be decrypted with this server's %s (was the key"
                            + " changed?): enter the password again.",
                    PROPERTY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private Cipher cipher(int mode, TenantId tenant, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(tenant.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
