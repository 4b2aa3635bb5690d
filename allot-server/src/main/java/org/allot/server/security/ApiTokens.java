package org.allot.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.Actor;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitDelegation;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.StoredAppRegistrations;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified access token into the app calling, as the app is now and not as it was when the token was
 * issued: a token of an app that was deleted, or issued for a secret that was replaced since, is refused, and the
 * app's role is its current one. What a server read about an app it trusts for at most {@link #STALE}, so a change
 * made by any server of the installation takes effect everywhere within that time (changes made by this server at
 * once).
 */
public final class ApiTokens implements Converter<Jwt, AbstractAuthenticationToken> {
    /** The claim that names the secret (client credential) a token was issued for. */
    public static final String CREDENTIAL_CLAIM = "credential_id";
    /** How long a server trusts what it read about an app. */
    public static final Duration STALE = Duration.ofSeconds(2);

    private static final int MAX_REMEMBERED = 10_000;

    /**
     * An app as read, with the ids of the credentials (its secret, its certificates) its tokens may name, and the
     * roles it holds over administrative units (none: its role is tenant-wide).
     */
    private record Read(
            Optional<AppRegistration> app, Set<String> credentials, List<ScopedRoleMember> unitRoles, Instant at) {}

    private final StoredAppRegistrations apps;
    private final UnitDelegation delegation;
    private final Clock clock;
    private final Map<UUID, Read> recent = new ConcurrentHashMap<>();

    public ApiTokens(StoredAppRegistrations apps, UnitDelegation delegation, Clock clock) {
        this.apps = apps;
        this.delegation = delegation;
        this.clock = clock;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        UUID appId = uuid(token.getClaimAsString("appid"));
        Read read = current(appId);
        AppRegistration app = read.app()
                .filter(a -> a.tenant().toString().equals(token.getClaimAsString("tid")))
                .orElseThrow(() -> new InvalidBearerTokenException("The app of this token no longer exists."));
        if (!read.credentials().contains(String.valueOf(token.getClaimAsString(CREDENTIAL_CLAIM)))) {
            throw new InvalidBearerTokenException(
                    "The app's secret was replaced, or its certificate removed, after this token was issued.");
        }
        if (read.unitRoles().isEmpty()) {
            return new JwtAuthenticationToken(
                    token,
                    List.of(new SimpleGrantedAuthority(app.role().authority())),
                    app.clientId().toString());
        }
        // an app holding roles over administrative units acts with those roles, within those units only
        JwtAuthenticationToken scoped = new JwtAuthenticationToken(
                token, UnitAuthorities.of(read.unitRoles()), app.clientId().toString());
        scoped.setDetails(UnitDelegation.scopeOf(read.unitRoles()));
        return scoped;
    }

    /** This server changed the app: what it read about it is read again at the next request. */
    public void forget(UUID appId) {
        recent.remove(appId);
    }

    private Read current(UUID appId) {
        Instant now = clock.instant();
        Read read = recent.get(appId);
        if (read == null || read.at().isBefore(now.minus(STALE))) {
            if (recent.size() >= MAX_REMEMBERED) {
                recent.values().removeIf(r -> r.at().isBefore(now.minus(STALE)));
            }
            Optional<AppRegistration> app = apps.find(appId);
            Set<String> credentials = new HashSet<>();
            app.ifPresent(a -> {
                credentials.add(a.secretId().toString());
                apps.certificates(a.tenant(), appId)
                        .forEach(c -> credentials.add(c.keyId().toString()));
            });
            List<ScopedRoleMember> unitRoles = app.map(a -> delegation.rolesOf(
                            a.tenant(), Actor.app(a.clientId().toString(), a.displayName())))
                    .orElse(List.of());
            read = new Read(app, Set.copyOf(credentials), unitRoles, now);
            recent.put(appId, read);
        }
        return read;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token names no app.");
        }
    }
}
