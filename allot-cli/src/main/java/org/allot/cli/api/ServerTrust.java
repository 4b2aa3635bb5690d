package org.allot.cli.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import org.allot.cli.process.Failure;

/**
 * Which certificates the CLI trusts for an {@code https} server: the system's authorities (the default); the
 * authorities of a PEM file ({@code --ca-file}, like {@code curl --cacert}); or one certificate, pinned by its SHA-256
 * fingerprint ({@code --fingerprint}, as the server prints it at start; the host name is then not checked, the
 * fingerprint names the certificate itself).
 *
 * @param caFile an absolute path, or null
 * @param fingerprint 32 bytes in upper-case hex, colon-separated, or null
 */
public record ServerTrust(String caFile, String fingerprint) {
    public static final ServerTrust SYSTEM = new ServerTrust(null, null);

    /** Checked and normalised: the file holds certificates, the fingerprint is one; not both. */
    public static ServerTrust of(String caFile, String fingerprint) {
        boolean file = caFile != null && !caFile.isBlank();
        boolean pin = fingerprint != null && !fingerprint.isBlank();
        if (file && pin) {
            throw Failure.usage("Give either a CA file (--ca-file, ALLOT_CA_FILE) or a certificate fingerprint"
                    + " (--fingerprint, ALLOT_FINGERPRINT), not both.");
        }
        if (pin) {
            return new ServerTrust(null, normalised(fingerprint));
        }
        if (file) {
            Path path = Path.of(caFile.strip()).toAbsolutePath().normalize();
            authorities(path);
            return new ServerTrust(path.toString(), null);
        }
        return SYSTEM;
    }

    public boolean pinned() {
        return fingerprint != null;
    }

    /** The certificates of the CA file as trust anchors. */
    KeyStore anchors() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : authorities(Path.of(caFile))) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw Failure.failed("BadCaFile", "Cannot use the CA file " + caFile + ": " + e.getMessage());
        }
    }

    /** How this trust is described in messages. */
    public String describe() {
        if (pinned()) {
            return "the pinned certificate " + fingerprint;
        }
        return caFile != null ? "the authorities in " + caFile : "this computer's authorities";
    }

    private static Collection<? extends Certificate> authorities(Path file) {
        if (!Files.isReadable(file)) {
            throw Failure.usage("The CA file " + file + " is missing or unreadable.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw Failure.usage("The CA file " + file + " holds no PEM certificate.");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw Failure.usage("The CA file " + file + " holds no PEM certificate (" + e.getMessage() + ").");
        }
    }

    /** AB:CD:… from the forms people copy: openssl's, with or without colons, any case. */
    static String normalised(String fingerprint) {
        String hex = fingerprint.strip();
        int label = Math.max(hex.lastIndexOf('='), hex.toLowerCase(Locale.ROOT).startsWith("sha256:") ? 6 : -1);
        hex = hex.substring(label + 1).replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw Failure.usage("'" + fingerprint + "' is not a SHA-256 fingerprint: give the 64 hex digits the server"
                    + " printed at start (AB:CD:…).");
        }
        return HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(HexFormat.of().parseHex(hex));
    }
}
