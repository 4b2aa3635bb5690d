package org.allot.server.security.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.allot.server.files.OwnerOnlyFiles;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate HTTPS presents when none is configured: self-signed (ECDSA P-256), for this machine's names, made at
 * first start and kept in a folder of the data directory that only its owner may read ({@code certificate.pem} and
 * {@code private-key.pem}). Later starts use it again, so its fingerprint stays the same, until it nears its end
 * (825 days, the longest clients accept) or the names it must cover change; then a new one is made, and that is
 * logged.
 */
public final class SelfSignedCertificate {
    static final Duration VALIDITY = Duration.ofDays(825);
    static final Duration RENEWAL = Duration.ofDays(30);
    static final String ORIGIN = "self-signed, generated at first start";
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);

    private SelfSignedCertificate() {}

    /** The certificate kept in the folder, if it is still good for the names; else a new one, kept there. */
    public static ServerCertificate obtain(Path folder, CertificateNames names, Clock clock) {
        Path certificate = folder.resolve("certificate.pem");
        Path key = folder.resolve("private-key.pem");
        try {
            OwnerOnlyFiles.folder(folder);
            if (Files.exists(certificate) && Files.exists(key)) {
                OwnerOnlyFiles.restrict(certificate);
                OwnerOnlyFiles.restrict(key);
                String kept = reusable(certificate, key, names, clock);
                if (kept == null) {
                    return ServerCertificate.fromPemFiles(certificate, key, null)
                            .withOrigin(ORIGIN);
                }
                log.warn("A new self-signed certificate replaces {}: {}; its fingerprint changes", certificate, kept);
            }
            ServerCertificate made = generate(names, clock.instant());
            OwnerOnlyFiles.write(key, pem("PRIVATE KEY", made.privateKey().getEncoded()), true);
            OwnerOnlyFiles.write(
                    certificate, pem("CERTIFICATE", made.certificate().getEncoded()), true);
            log.info(
                    "Generated a self-signed certificate for {} {} into {}",
                    names.hostNames(),
                    names.addresses(),
                    certificate);
            return new ServerCertificate(
                    made.chain(),
                    made.privateKey(),
                    certificate.toAbsolutePath().normalize(),
                    ORIGIN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server's certificate in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the server's certificate", e);
        }
    }

    /** Null when the kept certificate may be used again; else why not. */
    private static String reusable(Path certificate, Path key, CertificateNames names, Clock clock) {
        ServerCertificate kept;
        try {
            kept = ServerCertificate.fromPemFiles(certificate, key, null);
        } catch (IllegalStateException e) {
            return "it cannot be read with its key (" + e.getMessage() + ")";
        }
        Instant renewal = kept.certificate().getNotAfter().toInstant().minus(RENEWAL);
        if (clock.instant().isAfter(renewal)) {
            return "it expires on " + kept.certificate().getNotAfter().toInstant();
        }
        CertificateNames covered = CertificateNames.of(kept.certificate());
        if (!covered.covers(names)) {
            return "it is for " + covered.hostNames() + " " + covered.addresses() + ", not for " + names.hostNames()
                    + " " + names.addresses();
        }
        return null;
    }

    static ServerCertificate generate(CertificateNames names, Instant now) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        var subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Allot")
                .addRDN(BCStyle.CN, names.principalName())
                .build();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                pair.getPublic());
        List<GeneralName> alternatives = new ArrayList<>();
        names.hostNames().stream().sorted().forEach(n -> alternatives.add(new GeneralName(GeneralName.dNSName, n)));
        names.addresses().stream().sorted().forEach(a -> alternatives.add(new GeneralName(GeneralName.iPAddress, a)));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(alternatives.toArray(GeneralName[]::new)))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new ServerCertificate(List.of(certificate), pair.getPrivate(), null, ORIGIN);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
