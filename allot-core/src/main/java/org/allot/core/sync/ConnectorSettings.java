package org.allot.core.sync;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a tenant's connector reaches its directory and what it reads there. The password is not part of it: it is
 * kept sealed by the {@link Connectors} port and never read back.
 *
 * @param url {@code ldap://host[:port]} or {@code ldaps://host[:port]}
 * @param startTls upgrade an {@code ldap://} connection with StartTLS before binding
 * @param trustedCertificate PEM certificate(s) to trust for TLS; null trusts the Java runtime's authorities
 * @param bindDn who to bind as (a DN, or for Active Directory also user@domain); null binds anonymously
 * @param baseDns where users and groups are searched, whole subtrees
 * @param mappingOverrides the attributes mapped otherwise than the preset maps them (see {@link AttributeMapping})
 * @param mapping the preset's mapping with the overrides applied
 * @param enabled whether the schedule runs it (it can always be run on demand)
 * @param excludedDns subtrees under the base DNs that are left out, as Microsoft Entra Connect's OU filtering does
 */
public record ConnectorSettings(
        String url,
        boolean startTls,
        String trustedCertificate,
        String bindDn,
        List<String> baseDns,
        String userFilter,
        String groupFilter,
        DirectoryPreset preset,
        Map<String, String> mappingOverrides,
        AttributeMapping mapping,
        boolean enabled,
        List<String> excludedDns) {

    public ConnectorSettings {
        excludedDns = List.copyOf(excludedDns);
        Objects.requireNonNull(url, "url");
        baseDns = List.copyOf(baseDns);
        Objects.requireNonNull(userFilter, "userFilter");
        Objects.requireNonNull(groupFilter, "groupFilter");
        Objects.requireNonNull(preset, "preset");
        mappingOverrides = Map.copyOf(mappingOverrides);
        Objects.requireNonNull(mapping, "mapping");
    }

    /** Settings that leave no subtree out. */
    public ConnectorSettings(
            String url,
            boolean startTls,
            String trustedCertificate,
            String bindDn,
            List<String> baseDns,
            String userFilter,
            String groupFilter,
            DirectoryPreset preset,
            Map<String, String> mappingOverrides,
            AttributeMapping mapping,
            boolean enabled) {
        this(
                url,
                startTls,
                trustedCertificate,
                bindDn,
                baseDns,
                userFilter,
                groupFilter,
                preset,
                mappingOverrides,
                mapping,
                enabled,
                List.of());
    }

    /** The filter of objects of the kind in scope: the connector's, and what the preset always leaves out. */
    public String scopeFilter(ObjectKind kind) {
        String filter = kind == ObjectKind.USER ? userFilter : groupFilter;
        return preset.exclusion().map(out -> "(&" + filter + out + ")").orElse(filter);
    }

    public DeltaStrategy deltaStrategy() {
        return preset.deltaStrategy();
    }

    /**
     * Whether the other settings send a bind password to the same place, the same way: same scheme, host and port,
     * same bind DN (in any case), same StartTLS and trusted certificate. Only then may a test of them use the password
     * saved with these.
     */
    public boolean sameTarget(ConnectorSettings other) {
        return ldaps() == other.ldaps()
                && host().equalsIgnoreCase(other.host())
                && port() == other.port()
                && startTls == other.startTls
                && Objects.equals(trustedCertificate, other.trustedCertificate)
                && bindDn != null
                && other.bindDn != null
                && bindDn.strip().equalsIgnoreCase(other.bindDn.strip());
    }

    /** Whether the URL is {@code ldaps://}. */
    public boolean ldaps() {
        return URI.create(url).getScheme().toLowerCase(Locale.ROOT).equals("ldaps");
    }

    public String host() {
        return URI.create(url).getHost();
    }

    /** The URL's port, or the default one: 636 for LDAPS, 389 otherwise. */
    public int port() {
        int port = URI.create(url).getPort();
        return port > 0 ? port : ldaps() ? 636 : 389;
    }

    /**
     * A digest of everything that decides which objects and values a run reads: when it changes, the next run is a
     * full one.
     */
    public String fingerprint() {
        String text = String.join(
                "\n",
                host().toLowerCase(Locale.ROOT),
                String.join("|", baseDns).toLowerCase(Locale.ROOT),
                userFilter,
                groupFilter,
                preset.name(),
                new TreeMap<>(mappingOverrides).toString(),
                preset.exclusion().orElse(""),
                String.join("|", excludedDns).toLowerCase(Locale.ROOT));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
