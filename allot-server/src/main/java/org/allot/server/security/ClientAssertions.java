package org.allot.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.server.http.PublicUrl;
import org.allot.server.security.store.AppCertificate;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Authenticates an app by a client assertion, as Entra does for certificate credentials
 * ({@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}): a JWT signed with the
 * private key of a certificate registered on the app ({@link AppCertificates}), which its header names by SHA-256
 * ({@code x5t#S256}) or SHA-1 ({@code x5t}) thumbprint; whose issuer and subject are the client id; whose audience is
 * the token endpoint it is sent to; which has not expired (5 minutes of clock skew allowed, at most a day long); and
 * whose {@code jti} has not been used before. A refusal is {@code invalid_client} with Entra's AADSTS code. Tokens
 * issued this way name the certificate, so that removing it ends them.
 */
public final class ClientAssertions implements AuthenticationProvider {
    /** What Spring Authorization Server calls the client assertion's authentication method. */
    public static final ClientAuthenticationMethod JWT_BEARER =
            new ClientAuthenticationMethod("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");

    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofDays(1);
    private static final Set<JWSAlgorithm> RSA = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final Set<JWSAlgorithm> EC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final String TOKEN_PATH = "/oauth2/v2.0/token";

    private final RegisteredClientRepository clients;
    private final StoredAppRegistrations apps;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public ClientAssertions(
            RegisteredClientRepository clients, StoredAppRegistrations apps, PublicUrl publicUrl, Clock clock) {
        this.clients = clients;
        this.apps = apps;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
        if (!JWT_BEARER.equals(token.getClientAuthenticationMethod())) {
            return null;
        }
        String clientId = String.valueOf(token.getPrincipal());
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        SignedJWT jwt = parse(String.valueOf(token.getCredentials()));
        TenantId tenant = new TenantId(UUID.fromString(
                String.valueOf(client.getClientSettings().<Object>getSetting(RegisteredApps.TENANT_ID))));
        AppCertificate certificate = certificate(tenant, UUID.fromString(client.getClientId()), jwt);
        verify(jwt, certificate);
        check(claims(jwt), client.getClientId(), certificate);
        RegisteredClient withCertificate = RegisteredClient.from(client)
                .clientSettings(ClientSettings.withSettings(
                                client.getClientSettings().getSettings())
                        .setting(RegisteredApps.SECRET_ID, certificate.keyId().toString())
                        .build())
                .build();
        return new OAuth2ClientAuthenticationToken(withCertificate, JWT_BEARER, token.getCredentials());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static SignedJWT parse(String assertion) {
        try {
            return SignedJWT.parse(assertion);
        } catch (ParseException e) {
            throw refused("AADSTS50027: JWT token is invalid or malformed: the client assertion is not a signed JWT.");
        }
    }

    /** The registered certificate the assertion's header names. */
    private AppCertificate certificate(TenantId tenant, UUID appId, SignedJWT jwt) {
        Base64URL sha256 = jwt.getHeader().getX509CertSHA256Thumbprint();
        Base64URL sha1 = jwt.getHeader().getX509CertThumbprint();
        if (sha256 == null && sha1 == null) {
            throw refused("AADSTS700027: The client assertion's header names no certificate: it needs x5t#S256 or"
                    + " x5t, the certificate's thumbprint.");
        }
        byte[] wanted = (sha256 != null ? sha256 : sha1).decode();
        String algorithm = sha256 != null ? "SHA-256" : "SHA-1";
        List<AppCertificate> held = apps.certificates(tenant, appId);
        Optional<AppCertificate> found = held.stream()
                .filter(c -> MessageDigest.isEqual(AppCertificates.digest(c.der(), algorithm), wanted))
                .findFirst();
        if (found.isEmpty()) {
            throw refused("AADSTS700027: The certificate with identifier used to sign the client assertion is not"
                    + " registered on application. [Reason - The key was not found., Thumbprint of key used by client:"
                    + " '" + HexFormat.of().formatHex(wanted).toUpperCase(Locale.ROOT) + "']");
        }
        if (found.get().endsAt().isBefore(clock.instant())) {
            throw refused("AADSTS700027: The certificate used to sign the client assertion expired on "
                    + found.get().endsAt() + ". Register a new certificate on the app.");
        }
        return found.get();
    }

    private static void verify(SignedJWT jwt, AppCertificate certificate) {
        try {
            PublicKey key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.der()))
                    .getPublicKey();
            JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
            JWSVerifier verifier;
            if (key instanceof RSAPublicKey rsa && RSA.contains(algorithm)) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECPublicKey ec && EC.contains(algorithm)) {
                verifier = new ECDSAVerifier(ec);
            } else {
                throw refused("AADSTS700027: Client assertion failed signature validation: " + algorithm
                        + " does not fit the certificate's key.");
            }
            if (!jwt.verify(verifier)) {
                throw refused("AADSTS700027: Client assertion failed signature validation.");
            }
        } catch (GeneralSecurityException | JOSEException e) {
            throw refused("AADSTS700027: Client assertion failed signature validation.");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("AADSTS50027: JWT token is invalid or malformed: its claims cannot be read.");
        }
    }

    private void check(JWTClaimsSet claims, String clientId, AppCertificate certificate) {
        if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
            throw refused("AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter:"
                    + " its iss and sub must both be the client id.");
        }
        HttpServletRequest request = request();
        List<String> audiences = audiences(request, certificate);
        if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw refused("AADSTS700023: Client assertion audience claim does not match the token endpoint: aud must"
                    + " be " + audiences.get(0) + ".");
        }
        Instant now = clock.instant();
        Instant expires = claims.getExpirationTime() == null
                ? null
                : claims.getExpirationTime().toInstant();
        Instant notBefore = claims.getNotBeforeTime() == null
                ? null
                : claims.getNotBeforeTime().toInstant();
        if (expires == null
                || expires.isBefore(now.minus(SKEW))
                || (notBefore != null && notBefore.isAfter(now.plus(SKEW)))) {
            throw refused("AADSTS700024: Client assertion is not within its valid time range. Current time: " + now
                    + ", expiry time of assertion " + expires + ".");
        }
        if (expires.isAfter(now.plus(LONGEST))) {
            throw refused("AADSTS700024: Client assertion is valid for too long: it may last at most a day.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > 256) {
            throw refused("AADSTS50027: JWT token is invalid or malformed: the client assertion needs a jti claim of at"
                    + " most 256 characters.");
        }
        if (!apps.takeAssertion(certificate.appId(), jti, expires.plus(SKEW), now)) {
            throw refused(
                    "AADSTS700027: Client assertion was already used: each assertion (its jti) is accepted once.");
        }
    }

    /**
     * The token endpoint's URLs the assertion may name: where the request was sent, at the public URL (under the
     * tenant segment it used, the tenant's id, or none), and where it was sent as the client wrote it when that is this
     * machine.
     */
    private List<String> audiences(HttpServletRequest request, AppCertificate certificate) {
        String base = publicUrl.of(request);
        String path = request.getRequestURI();
        String local = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 443 || request.getServerPort() == 80
                        ? ""
                        : ":" + request.getServerPort());
        boolean loopback = Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(request.getServerName());
        return loopback
                ? List.of(base + path, base + "/" + certificate.tenant() + TOKEN_PATH, base + TOKEN_PATH, local + path)
                : List.of(base + path, base + "/" + certificate.tenant() + TOKEN_PATH, base + TOKEN_PATH);
    }

    private static HttpServletRequest request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new IllegalStateException("a client assertion is checked outside of a request");
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
    }
}
