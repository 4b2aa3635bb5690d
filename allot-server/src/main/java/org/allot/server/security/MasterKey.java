package org.allot.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.allot.server.files.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one key that seals the secrets Allot keeps (the private token-signing keys, directory passwords): AES-GCM, a
 * random nonce per sealing, and the sealed value bound to what it is (its context: a tenant, a key id), so that it
 * does not open anywhere else. Format: {@code v1:} then base64 of nonce and ciphertext.
 *
 * <p>The key is {@code allot.secrets.key} (base64 of 32 bytes), or the deprecated {@code allot.sync.encryption-key}
 * (16, 24 or 32 bytes, as it always took); without either, a key generated at first start and kept in the data
 * directory, readable by its owner only. Servers sharing a database must be given the same key explicitly.
 */
public final class MasterKey {
    public static final String PROPERTY = "allot.secrets.key";
    public static final String LEGACY_PROPERTY = "allot.sync.encryption-key";
    /** The file of the data directory that keeps a generated key. */
    public static final String FILE = "secrets-key";

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final String VERSION = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CHECK = "allot secrets key check v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String origin;

    private MasterKey(byte[] bytes, String origin) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.origin = origin;
    }

    /**
     * A key given in base64 as the setting {@code property}; 32 bytes for {@link #PROPERTY}, 16, 24 or 32 for the
     * older setting.
     */
    public static MasterKey of(String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    property + " must be base64 (for example from `openssl rand -base64 32`)");
        }
        boolean legacy = !PROPERTY.equals(property);
        if (legacy ? bytes.length != 16 && bytes.length != 24 && bytes.length != 32 : bytes.length != 32) {
            throw new IllegalArgumentException(property + " must be base64 of " + (legacy ? "16, 24 or 32" : "32")
                    + " bytes (openssl rand -base64 32), not " + bytes.length + " bytes");
        }
        return new MasterKey(bytes, property);
    }

    /**
     * The key of the settings, or else the one kept in the data directory (generated there now if there is none);
     * logs which it is.
     */
    public static MasterKey resolve(String configured, String legacy, Path dataDirectory) {
        boolean given = configured != null && !configured.isBlank();
        boolean old = legacy != null && !legacy.isBlank();
        if (given
                && old
                && !Arrays.equals(
                        of(configured, PROPERTY).bytes(),
                        of(legacy, LEGACY_PROPERTY).bytes())) {
            throw new IllegalStateException(PROPERTY + " and the deprecated " + LEGACY_PROPERTY
                    + " are both set, to different keys: keep only " + PROPERTY
                    + ", set to the key the stored secrets were sealed with");
        }
        if (given) {
            log.info("Secrets are sealed with the key of {}", PROPERTY);
            return of(configured, PROPERTY);
        }
        if (old) {
            log.warn("{} is deprecated: set {} to the same value instead", LEGACY_PROPERTY, PROPERTY);
            return of(legacy, LEGACY_PROPERTY);
        }
        return fromFile(dataDirectory.resolve(FILE));
    }

    private static MasterKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                MasterKey key = of(Files.readString(file, StandardCharsets.UTF_8), "The key file " + file);
                log.info("Secrets are sealed with the key kept in {} ({} is not set)", file, PROPERTY);
                return new MasterKey(key.bytes(), file.toString());
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            if (!OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(bytes) + "\n", false)) {
                return fromFile(file);
            }
            log.warn(
                    "Generated the key that seals secrets (token signing keys, directory passwords) in {}, readable"
                            + " by its owner only. Back it up with the database; every server sharing this database"
                            + " needs the same key: set {} to the file's content on each.",
                    file,
                    PROPERTY);
            return new MasterKey(bytes, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot keep the key that seals secrets in " + file + ": set " + PROPERTY
                            + " (openssl rand -base64 32) or make the data directory writable",
                    e);
        }
    }

    /** Where the key came from: the setting's name or the file's path. */
    public String origin() {
        return origin;
    }

    /** Seals a secret for a context (what it is, where it belongs). */
    public String seal(String context, String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            byte[] sealed =
                    cipher(Cipher.ENCRYPT_MODE, context, nonce).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Whether a stored value is in the sealed format (and not, say, a value from before sealing). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    /** The secret, or empty when the value was sealed with another key, for another context, or is not sealed. */
    public Optional<String> open(String context, String sealed) {
        if (!isSealed(sealed)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (bytes.length <= NONCE) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, context, Arrays.copyOf(bytes, NONCE));
            return Optional.of(new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** A value derived from the key that tells whether two servers have the same key, and reveals nothing of it. */
    public String checkValue() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(CHECK));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private byte[] bytes() {
        return key.getEncoded();
    }

    private Cipher cipher(int mode, String context, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "MasterKey[" + origin + "]";
    }
}
