package org.allot.server.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;

/**
 * Reads the tenant segment of OAuth URLs ({@code /{tenant}/oauth2/v2.0/token}, {@code
 * /{tenant}/v2.0/.well-known/openid-configuration}) as Entra does: a tenant id, a domain a tenant verified, or
 * {@code organizations} / {@code common}. A segment that names no tenant is told apart from one that does, with the
 * answer Entra gives ({@link #notFound}).
 */
public final class OAuthTenants {
    /** The request attribute that holds the {@link OAuthTenant} the token endpoint's URL named. */
    public static final String REQUESTED = OAuthTenants.class.getName() + ".REQUESTED";

    private static final Set<String> ANY = Set.of("organizations", "common");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Tenants tenants;
    private final Transactions work;

    public OAuthTenants(Tenants tenants, Transactions work) {
        this.tenants = tenants;
        this.work = work;
    }

    /** What the segment names; empty when it names no tenant of this installation. */
    public Optional<OAuthTenant> resolve(String segment) {
        String name = segment.toLowerCase(Locale.ROOT);
        if (ANY.contains(name)) {
            return Optional.of(new OAuthTenant(segment, List.of()));
        }
        if (UUID_TEXT.matcher(name).matches()) {
            TenantId id = new TenantId(UUID.fromString(name));
            return work.read(() -> tenants.find(id)).map(t -> new OAuthTenant(segment, List.of(t.id())));
        }
        if (DOMAIN.matcher(name).matches()) {
            List<TenantId> verified = work.read(() -> tenants.withVerifiedDomain(name)).stream()
                    .map(Tenant::id)
                    .toList();
            return verified.isEmpty() ? Optional.empty() : Optional.of(new OAuthTenant(segment, verified));
        }
        return Optional.empty();
    }

    /** Entra's description of a tenant segment that names no tenant (AADSTS90002). */
    public static String notFound(String segment) {
        return "AADSTS90002: Tenant '" + printable(segment) + "' not found. Check to make sure you have the correct"
                + " tenant ID: a tenant's id, a domain it verified, or organizations.";
    }

    /** The segment as it may be quoted back: printable ASCII, at most 100 characters. */
    static String printable(String segment) {
        String kept = segment.codePoints()
                .filter(c -> c >= 0x20 && c < 0x7f && c != '\'' && c != '"' && c != '\\')
                .limit(100)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return kept.length() < segment.length() ? kept + "…" : kept;
    }
}
