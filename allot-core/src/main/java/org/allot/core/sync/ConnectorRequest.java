package org.allot.core.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.Rejection;

/**
 * A connector as an administrator sends it. Everything is replaced, except that a null {@code password} keeps the
 * stored one; null filters take the preset's, a null preset is Active Directory, null {@code startTls} is false and
 * null {@code enabled} and null {@code softMatch} are true.
 *
 * @param url the directory's URL, or several separated by spaces: the domain controllers, tried in that order
 * @param preset {@code activeDirectory} or {@code genericLdap}
 * @param mapping attributes mapped otherwise than the preset maps them (see {@link AttributeMapping#withOverrides})
 * @param excludedDns subtrees under the base DNs to leave out (organizational units, as Entra Connect's OU
 *     filtering); null or empty: none
 * @param softMatch whether a directory user Allot lacks takes over the cloud user with its principal name or mail
 *     (Entra Connect's soft match); null is true
 * @param staging whether runs only report what they would do and apply nothing (Entra Connect's staging mode); null
 *     is false
 * @param deletionCheckMinutes how often, in minutes, a delta run of a directory that does not tell its deletions
 *     lists the scope to find them (0: every run); null: only full runs do
 */
public record ConnectorRequest(
        String preset,
        String url,
        Boolean startTls,
        String trustedCertificate,
        String bindDn,
        String password,
        List<String> baseDns,
        String userFilter,
        String groupFilter,
        Map<String, String> mapping,
        Boolean enabled,
        List<String> excludedDns,
        Boolean softMatch,
        Boolean staging,
        Integer deletionCheckMinutes) {

    /** A request that leaves deletions to the full runs. */
    public ConnectorRequest(
            String preset,
            String url,
            Boolean startTls,
            String trustedCertificate,
            String bindDn,
            String password,
            List<String> baseDns,
            String userFilter,
            String groupFilter,
            Map<String, String> mapping,
            Boolean enabled,
            List<String> excludedDns,
            Boolean softMatch,
            Boolean staging) {
        this(
                preset,
                url,
                startTls,
                trustedCertificate,
                bindDn,
                password,
                baseDns,
                userFilter,
                groupFilter,
                mapping,
                enabled,
                excludedDns,
                softMatch,
                staging,
                null);
    }

    /** A request out of staging mode. */
    public ConnectorRequest(
            String preset,
            String url,
            Boolean startTls,
            String trustedCertificate,
            String bindDn,
            String password,
            List<String> baseDns,
            String userFilter,
            String groupFilter,
            Map<String, String> mapping,
            Boolean enabled,
            List<String> excludedDns,
            Boolean softMatch) {
        this(
                preset,
                url,
                startTls,
                trustedCertificate,
                bindDn,
                password,
                baseDns,
                userFilter,
                groupFilter,
                mapping,
                enabled,
                excludedDns,
                softMatch,
                null);
    }

    /** A request that leaves no subtree out, with soft match on. */
    public ConnectorRequest(
            String preset,
            String url,
            Boolean startTls,
            String trustedCertificate,
            String bindDn,
            String password,
            List<String> baseDns,
            String userFilter,
            String groupFilter,
            Map<String, String> mapping,
            Boolean enabled) {
        this(
                preset,
                url,
                startTls,
                trustedCertificate,
                bindDn,
                password,
                baseDns,
                userFilter,
                groupFilter,
                mapping,
                enabled,
                null,
                null,
                null);
    }

    public static final int MAX_DN = 1024;
    public static final int MAX_FILTER = 4096;
    public static final int MAX_PASSWORD = 1024;
    private static final int MAX_CERTIFICATES = 65_536;
    private static final int MAX_EXCLUDED = 100;
    /** The longest wait between deletion checks: 30 days. */
    public static final int MAX_DELETION_CHECK_MINUTES = 43_200;

    /** The settings the request describes, checked; the directory source then checks DN and filter syntax. */
    public Outcome<ConnectorSettings> settings() {
        DirectoryPreset kind = preset == null || preset.isBlank()
                ? DirectoryPreset.ACTIVE_DIRECTORY
                : DirectoryPreset.parse(preset).orElse(null);
        if (kind == null) {
            return Outcome.refused(
                    Rejection.invalid("Unknown preset '%s': use activeDirectory or genericLdap.", preset));
        }
        Outcome<String> checkedUrl = ServerUrls.checked(url);
        if (!checkedUrl.isDone()) {
            return Outcome.refused(checkedUrl.rejection());
        }
        boolean tls = Boolean.TRUE.equals(startTls);
        if (tls && checkedUrl.value().startsWith("ldaps:")) {
            return Outcome.refused(Rejection.invalid(
                    "StartTLS upgrades an ldap:// connection; an ldaps:// connection is encrypted from the start."));
        }
        if (password != null && password.length() > MAX_PASSWORD) {
            return Outcome.refused(Rejection.invalid("password must be at most %d characters.", MAX_PASSWORD));
        }
        String certificate = blankToNull(trustedCertificate);
        if (certificate != null && certificate.length() > MAX_CERTIFICATES) {
            return Outcome.refused(Rejection.invalid(
                    "trustedCertificate must be at most %d characters of PEM certificates.", MAX_CERTIFICATES));
        }
        if (certificate != null && !certificate.contains("-----BEGIN CERTIFICATE-----")) {
            return Outcome.refused(Rejection.invalid(
                    "trustedCertificate must be one or more PEM certificates (-----BEGIN CERTIFICATE----- …)."));
        }
        String bind = blankToNull(bindDn);
        if (bind != null && !plain(bind, MAX_DN)) {
            return Outcome.refused(Rejection.invalid("bindDn must be at most %d characters of text.", MAX_DN));
        }
        Outcome<List<String>> bases = checkedBaseDns();
        if (!bases.isDone()) {
            return Outcome.refused(bases.rejection());
        }
        Outcome<List<String>> excluded = checkedExcludedDns(bases.value());
        if (!excluded.isDone()) {
            return Outcome.refused(excluded.rejection());
        }
        String users = blankToNull(userFilter) == null ? kind.userFilter() : userFilter.strip();
        String groups = blankToNull(groupFilter) == null ? kind.groupFilter() : groupFilter.strip();
        if (!plain(users, MAX_FILTER) || !plain(groups, MAX_FILTER)) {
            return Outcome.refused(Rejection.invalid("Filters are at most %d characters of text.", MAX_FILTER));
        }
        if (deletionCheckMinutes != null
                && (deletionCheckMinutes < 0 || deletionCheckMinutes > MAX_DELETION_CHECK_MINUTES)) {
            return Outcome.refused(Rejection.invalid(
                    "deletionCheckMinutes must be from 0 (every run) to %d (30 days), or left out to look for"
                            + " deletions only in full runs.",
                    MAX_DELETION_CHECK_MINUTES));
        }
        Map<String, String> overrides = mapping == null ? Map.of() : mapping;
        Optional<String> twice = MappingOverrides.namedTwice(overrides);
        if (twice.isPresent()) {
            return Outcome.refused(Rejection.invalid(
                    "mapping names %s twice (names are compared ignoring case and spaces): keep it once.",
                    twice.get()));
        }
        Outcome<AttributeMapping> mapped = kind.mapping().withOverrides(overrides);
        if (!mapped.isDone()) {
            return Outcome.refused(mapped.rejection());
        }
        return Outcome.done(new ConnectorSettings(
                checkedUrl.value(),
                tls,
                certificate,
                bind,
                bases.value(),
                users,
                groups,
                kind,
                overrides,
                mapped.value(),
                !Boolean.FALSE.equals(enabled),
                excluded.value(),
                !Boolean.FALSE.equals(softMatch),
                Boolean.TRUE.equals(staging),
                deletionCheckMinutes == null ? null : Duration.ofMinutes(deletionCheckMinutes)));
    }

    /** The excluded subtrees: each under one of the base DNs (compared without case or spaces after commas). */
    private Outcome<List<String>> checkedExcludedDns(List<String> bases) {
        List<String> excluded = new ArrayList<>();
        List<String> list = excludedDns == null ? List.<String>of() : excludedDns;
        if (list.size() > MAX_EXCLUDED) {
            return Outcome.refused(Rejection.invalid("At most %d excluded DNs.", MAX_EXCLUDED));
        }
        for (String value : list) {
            String dn = blankToNull(value);
            if (dn == null) {
                continue;
            }
            if (!plain(dn, MAX_DN)) {
                return Outcome.refused(Rejection.invalid("An excluded DN is at most %d characters of text.", MAX_DN));
            }
            String folded = folded(dn);
            if (bases.stream().map(ConnectorRequest::folded).noneMatch(b -> folded.endsWith("," + b))) {
                return Outcome.refused(Rejection.invalid(
                        "The excluded DN %s is not under any of the base DNs: leave out subtrees of what is read,"
                                + " for example OU=Disabled,OU=Staff,DC=contoso,DC=com under OU=Staff,DC=contoso,DC=com.",
                        dn));
            }
            if (excluded.stream().noneMatch(dn::equalsIgnoreCase)) {
                excluded.add(dn);
            }
        }
        return Outcome.done(excluded);
    }

    /** A DN in lower case without spaces around its commas, for comparing names as an administrator types them. */
    static String folded(String dn) {
        return dn.strip().replaceAll("\\s*,\\s*", ",").toLowerCase(Locale.ROOT);
    }

    private Outcome<List<String>> checkedBaseDns() {
        List<String> bases = new ArrayList<>();
        for (String base : baseDns == null ? List.<String>of() : baseDns) {
            String dn = blankToNull(base);
            if (dn == null) {
                continue;
            }
            if (!plain(dn, MAX_DN)) {
                return Outcome.refused(Rejection.invalid("A base DN is at most %d characters of text.", MAX_DN));
            }
            if (bases.stream().noneMatch(dn::equalsIgnoreCase)) {
                bases.add(dn);
            }
        }
        if (bases.isEmpty()) {
            return Outcome.refused(
                    Rejection.invalid("At least one base DN is needed, for example OU=Staff,DC=contoso,DC=com."));
        }
        return Outcome.done(bases);
    }

    private static boolean plain(String value, int maxLength) {
        return value.length() <= maxLength && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
