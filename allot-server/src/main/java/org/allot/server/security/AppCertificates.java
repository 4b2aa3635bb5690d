package org.allot.server.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.server.security.store.AppCertificate;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.StoredAppRegistrations;

/**
 * The certificates an app may prove itself with instead of its secret (Entra's certificate credentials): a Global
 * Administrator registers a certificate (PEM or base64 DER; only the public certificate, never a private key), lists
 * and removes them. Removing a certificate ends the tokens issued with it within seconds ({@link ApiTokens}). Apps
 * use them at the token endpoint through {@link ClientAssertions}.
 */
public final class AppCertificates {
    /** At most this many certificates per app. */
    public static final int MAX_PER_APP = 10;
    /** A certificate as text is at most this long. */
    public static final int MAX_LENGTH = 20_000;

    private final Transactions transactions;
    private final AppRegistrations apps;
    private final StoredAppRegistrations store;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final Clock clock;

    public AppCertificates(
            Transactions transactions,
            AppRegistrations apps,
            StoredAppRegistrations store,
            AuditLog audit,
            ApiTokens tokens,
            Clock clock) {
        this.transactions = transactions;
        this.apps = apps;
        this.store = store;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The app's certificates. */
    public Outcome<List<AppCertificate>> of(TenantId tenant, UUID clientId) {
        return transactions.read(() -> apps.find(tenant, clientId).map(app -> store.certificates(tenant, clientId)));
    }

    /** Registers a certificate (PEM, or the base64 of its DER) on the app. */
    public Outcome<AppCertificate> add(Caller caller, UUID clientId, String text) {
        return transactions.run(() -> apps.find(caller.tenant(), clientId).flatMap(app -> addNow(caller, app, text)));
    }

    private Outcome<AppCertificate> addNow(Caller caller, AppRegistration app, String text) {
        Outcome<X509Certificate> parsed = parse(text);
        if (!parsed.isDone()) {
            return Outcome.refused(parsed.rejection());
        }
        X509Certificate x509 = parsed.value();
        Instant now = clock.instant();
        if (!x509.getNotAfter().toInstant().isAfter(now)) {
            return Outcome.refused(Rejection.invalid(
                    "The certificate expired on %s.", x509.getNotAfter().toInstant()));
        }
        if (!(x509.getPublicKey() instanceof RSAPublicKey) && !(x509.getPublicKey() instanceof ECPublicKey)) {
            return Outcome.refused(Rejection.invalid("The certificate's key must be an RSA or an elliptic-curve key."));
        }
        byte[] der;
        try {
            der = x509.getEncoded();
        } catch (GeneralSecurityException e) {
            return Outcome.refused(Rejection.invalid("The certificate cannot be read: %s", e.getMessage()));
        }
        List<AppCertificate> held = store.certificates(app.tenant(), app.clientId());
        String sha256 = thumbprint(der, "SHA-256");
        if (held.stream().anyMatch(c -> c.thumbprintSha256().equals(sha256))) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.ALREADY_EXISTS, "The app already has the certificate with thumbprint %s.", sha256));
        }
        if (held.size() >= MAX_PER_APP) {
            return Outcome.refused(Rejection.invalid(
                    "An app has at most %d certificates: remove one it no longer uses first.", MAX_PER_APP));
        }
        AppCertificate certificate = new AppCertificate(
                app.tenant(),
                app.clientId(),
                UUID.randomUUID(),
                thumbprint(der, "SHA-1"),
                sha256,
                x509.getSubjectX500Principal().getName(),
                Base64.getEncoder().encodeToString(der),
                x509.getNotBefore().toInstant(),
                x509.getNotAfter().toInstant(),
                now);
        store.addCertificate(certificate);
        tokens.forget(app.clientId());
        audit.append(AuditEvent.of(
                caller,
                now,
                Activity.UPDATE_APPLICATION_SECRET,
                target(app),
                List.of(PropertyChange.of("keyCredentials", null, certificate.thumbprint()))));
        return Outcome.done(certificate);
    }

    /** Removes a certificate; the tokens issued with it stop working. */
    public Outcome<AppCertificate> remove(Caller caller, UUID clientId, UUID keyId) {
        return transactions.run(() -> apps.find(caller.tenant(), clientId).flatMap(app -> {
            AppCertificate certificate = store.certificates(caller.tenant(), clientId).stream()
                    .filter(c -> c.keyId().equals(keyId))
                    .findFirst()
                    .orElse(null);
            if (certificate == null) {
                return Outcome.refused(Rejection.notFound(keyId));
            }
            store.removeCertificate(caller.tenant(), clientId, keyId);
            tokens.forget(clientId);
            apps.credentialsChanged(caller.tenant(), clientId);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.UPDATE_APPLICATION_SECRET,
                    target(app),
                    List.of(PropertyChange.of("keyCredentials", certificate.thumbprint(), null))));
            return Outcome.done(certificate);
        }));
    }

    /** A certificate from PEM or from the base64 of its DER (as Entra's keyCredentials take it). */
    static Outcome<X509Certificate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Outcome.refused(Rejection.invalid("Send the certificate: PEM, or the base64 of its DER."));
        }
        if (text.length() > MAX_LENGTH) {
            return Outcome.refused(Rejection.invalid("A certificate is at most %d characters long.", MAX_LENGTH));
        }
        if (text.contains("PRIVATE KEY")) {
            return Outcome.refused(
                    Rejection.invalid("Send the certificate only: never a private key, which stays with the app."));
        }
        String base64 = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return Outcome.done((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            return Outcome.refused(
                    Rejection.invalid("The certificate cannot be read: send an X.509 certificate in PEM or base64."));
        }
    }

    /** A certificate's thumbprint: hex, upper case. */
    static String thumbprint(byte[] der, String algorithm) {
        return HexFormat.of().formatHex(digest(der, algorithm)).toUpperCase(Locale.ROOT);
    }

    static byte[] digest(byte[] der, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is always there", e);
        }
    }

    /** The certificate as PEM. */
    public static String pem(AppCertificate certificate) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.der())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static AuditTarget target(AppRegistration app) {
        return AuditTarget.other("Application", app.clientId(), app.displayName());
    }
}
