package org.allot.core.sync;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a tenant's connector reaches its directory and what it reads there. The password is not part of it: it is
 * kept sealed by the {@link Connectors} port and never read back.
 *
 * @param url {@code ldap://host[:port]} or {@code ldaps://host[:port]}, or several of them separated by spaces, all
 *     with the same scheme: the domain controllers in the order they are tried, the next when one cannot be reached
 * @param startTls upgrade an {@code ldap://} connection with StartTLS before binding
 * @param trustedCertificate PEM certificate(s) to trust for TLS; null trusts the Java runtime's authorities
 * @param bindDn who to bind as (a DN, or for Active Directory also user@domain); null binds anonymously
 * @param baseDns where users and groups are searched, whole subtrees
 * @param mappingOverrides the attributes mapped otherwise than the preset maps them (see {@link AttributeMapping})
 * @param mapping the preset's mapping with the overrides applied
 * @param enabled whether the schedule runs it (it can always be run on demand)
 * @param excludedDns subtrees under the base DNs that are left out, as Microsoft Entra Connect's OU filtering does
 * @param softMatch whether a directory user that Allot lacks takes over the cloud user with its principal name or mail
 *     (Entra Connect's soft match), rather than failing on the name
 * @param staging whether runs only work out and report what they would do, applying nothing (Entra Connect's staging
 *     mode); switched off, the next run applies
 * @param deletionCheckEvery how often a delta run of a directory that does not tell its deletions (generic LDAP) lists
 *     the scope to find them; null: only full runs look for them (the server's full-sync schedule); zero: every run
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
        List<String> excludedDns,
        boolean softMatch,
        boolean staging,
        Duration deletionCheckEvery) {

    private static final Pattern SPACES = Pattern.compile("\\s+");

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
                && servers().equals(other.servers())
                && startTls == other.startTls
                && Objects.equals(trustedCertificate, other.trustedCertificate)
                && bindDn != null
                && other.bindDn != null
                && bindDn.strip().equalsIgnoreCase(other.bindDn.strip());
    }

    /** The URLs, in the order they are tried. */
    public List<String> urls() {
        return List.of(SPACES.split(url.strip()));
    }

    /** These settings with only the given one of their URLs. */
    public ConnectorSettings at(String oneUrl) {
        return copy(oneUrl, deletionCheckEvery);
    }

    /** These settings looking for deletions in delta runs that often (null: only in full runs). */
    public ConnectorSettings withDeletionCheckEvery(Duration every) {
        return copy(url, every);
    }

    private ConnectorSettings copy(String url, Duration every) {
        return new ConnectorSettings(
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
                excludedDns,
                softMatch,
                staging,
                every);
    }

    /** Whether the (first) URL is {@code ldaps://}; they all have the same scheme. */
    public boolean ldaps() {
        return URI.create(urls().get(0)).getScheme().toLowerCase(Locale.ROOT).equals("ldaps");
    }

    /** The first URL's host. */
    public String host() {
        return URI.create(urls().get(0)).getHost();
    }

    /** The first URL's port, or the default one: 636 for LDAPS, 389 otherwise. */
    public int port() {
        int port = URI.create(urls().get(0)).getPort();
        return port > 0 ? port : ldaps() ? 636 : 389;
    }

    /** host:port of every URL, in order, the host in lower case. */
    private List<String> servers() {
        return urls().stream()
                .map(u -> at(u).host().toLowerCase(Locale.ROOT) + ":" + at(u).port())
                .toList();
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
                String.join("|", excludedDns).toLowerCase(Locale.ROOT),
                // the attributes read, and what is derived from every entry (its DN, domain, security identifier)
                String.join("|", mapping.attributesOf(ObjectKind.USER)),
                String.join("|", mapping.attributesOf(ObjectKind.GROUP)),
                "onPremises:dn,domain,sid");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
