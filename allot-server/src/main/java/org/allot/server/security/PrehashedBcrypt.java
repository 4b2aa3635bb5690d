package org.allot.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt of the SHA-256 digest of a password (in base64, 44 characters), so that passphrases of any length are
 * accepted at bcrypt's cost; bcrypt alone reads at most 72 bytes and refuses more. Stored as {@code
 * {bcrypt-sha256}$2a$10$…}. Hashes made before it ({@code {bcrypt}…}) keep working and are replaced on the next
 * successful sign-in or token request ({@link #upgradeEncoding}).
 */
public final class PrehashedBcrypt implements PasswordEncoder {
    public static final String ID = "bcrypt-sha256";
    /** bcrypt's own limit, in UTF-8 bytes. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    /** The encoder for passwords and client secrets: this one for new hashes, plain bcrypt for old ones. */
    public static PasswordEncoder delegating() {
        PasswordEncoder legacy = new PasswordEncoder() {
            private final BCryptPasswordEncoder plain = new BCryptPasswordEncoder();

            @Override
            public String encode(CharSequence raw) {
                return plain.encode(raw);
            }

            /** A password longer than bcrypt reads can never have been set with plain bcrypt. */
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw != null
                        && raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES
                        && plain.matches(raw, encoded);
            }
        };
        return new DelegatingPasswordEncoder(ID, Map.of(ID, new PrehashedBcrypt(), "bcrypt", legacy));
    }

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(digest(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return raw != null && bcrypt.matches(digest(raw), encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return bcrypt.upgradeEncoding(encoded);
    }

    private static String digest(CharSequence raw) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
