package org.allot.server.web.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.sync.AttributeMapping;
import org.allot.core.sync.Connector;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryPreset;
import org.springframework.util.MultiValueMap;

/**
 * The connector form as typed: text the page shows again when a save is refused, so nothing typed is lost. The
 * password is never part of it: the page never fills it in.
 *
 * @param preset {@code activeDirectory} or {@code genericLdap}
 * @param baseDns one per line
 * @param excludedDns subtrees to leave out, one per line
 * @param mapping one override per line, {@code name = attribute[, attribute…]}
 * @param memberAttributes the groups' member attributes, one per line ({@code member}, {@code memberUid:uid}); empty:
 *     the preset's. They are the {@code group.member} mapping override, shown and edited apart
 * @param deletionCheckMinutes how often delta runs look for deletions, in minutes, as typed; empty: only full runs
 */
public record ConnectorForm(
        String preset,
        String url,
        boolean startTls,
        String trustedCertificate,
        String bindDn,
        String baseDns,
        String userFilter,
        String groupFilter,
        String mapping,
        boolean enabled,
        String excludedDns,
        boolean softMatch,
        String memberAttributes,
        boolean staging,
        String deletionCheckMinutes)
        implements Serializable {
    static final int LONGEST_FIELD = 65_536;

    /** A connector not configured yet: Active Directory, scheduled. */
    static final ConnectorForm NEW =
            new ConnectorForm("activeDirectory", "", false, "", "", "", "", "", "", true, "", true, "", false, "");

    /** The stored connector; filters the preset would use anyway are shown empty. */
    static ConnectorForm of(Connector connector) {
        ConnectorSettings s = connector.settings();
        StringBuilder mapping = new StringBuilder();
        StringBuilder members = new StringBuilder();
        new TreeMap<>(s.mappingOverrides()).forEach((name, attribute) -> {
            if (name.equalsIgnoreCase(AttributeMapping.GROUP_MEMBER)) {
                Arrays.stream(attribute.split(","))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .forEach(a -> members.append(a).append('\n'));
            } else {
                mapping.append(name).append(" = ").append(attribute).append('\n');
            }
        });
        return new ConnectorForm(
                s.preset() == DirectoryPreset.ACTIVE_DIRECTORY ? "activeDirectory" : "genericLdap",
                s.url(),
                s.startTls(),
                orEmpty(s.trustedCertificate()),
                orEmpty(s.bindDn()),
                String.join("\n", s.baseDns()),
                s.userFilter().equals(s.preset().userFilter()) ? "" : s.userFilter(),
                s.groupFilter().equals(s.preset().groupFilter()) ? "" : s.groupFilter(),
                mapping.toString().strip(),
                s.enabled(),
                String.join("\n", s.excludedDns()),
                s.softMatch(),
                members.toString().strip(),
                s.staging(),
                s.deletionCheckEvery() == null
                        ? ""
                        : Long.toString(s.deletionCheckEvery().toMinutes()));
    }

    /** The form as posted; a field that is too long to be anything is refused by the page as a tampered form. */
    static ConnectorForm from(MultiValueMap<String, String> form) {
        return new ConnectorForm(
                field(form, "preset"),
                field(form, "url"),
                "true".equals(form.getFirst("startTls")),
                field(form, "trustedCertificate"),
                field(form, "bindDn"),
                field(form, "baseDns"),
                field(form, "userFilter"),
                field(form, "groupFilter"),
                field(form, "mapping"),
                "true".equals(form.getFirst("enabled")),
                field(form, "excludedDns"),
                "true".equals(form.getFirst("softMatch")),
                field(form, "memberAttributes"),
                "true".equals(form.getFirst("staging")),
                field(form, "deletionCheckMinutes"));
    }

    /** What the form asks for, with the password typed (empty keeps the stored one); refused when mapping is malformed. */
    Outcome<ConnectorRequest> request(String password) {
        Outcome<Map<String, String>> overrides = overrides();
        if (!overrides.isDone()) {
            return Outcome.refused(overrides.rejection());
        }
        Integer deletionCheck = null;
        if (!deletionCheckMinutes.isBlank()) {
            try {
                deletionCheck = Integer.valueOf(deletionCheckMinutes.strip());
            } catch (NumberFormatException e) {
                return Outcome.refused(Rejection.invalid(
                        "Look for deletions every: give a whole number of minutes (0: every run), or leave it empty"
                                + " for full runs only."));
            }
        }
        return Outcome.done(new ConnectorRequest(
                preset,
                url,
                startTls,
                trustedCertificate,
                bindDn,
                password == null || password.isEmpty() ? null : password,
                baseDns.lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                userFilter,
                groupFilter,
                overrides.value(),
                enabled,
                excludedDns.lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                softMatch,
                staging,
                deletionCheck));
    }

    private Outcome<Map<String, String>> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> members = memberAttributes
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        List<String> lines = new ArrayList<>(mapping.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? "" : line.substring(0, equals).strip();
            if (name.isEmpty()) {
                return Outcome.refused(Rejection.invalid(
                        "Line %d of the attribute mapping is not 'name = attribute', for example"
                                + " 'department = extensionAttribute1'.",
                        i + 1));
            }
            if (overrides.put(name, line.substring(equals + 1).strip()) != null) {
                return Outcome.refused(
                        Rejection.invalid("The attribute mapping names %s twice: keep one line for it.", name));
            }
        }
        if (!members.isEmpty()) {
            if (overrides.keySet().stream().anyMatch(AttributeMapping.GROUP_MEMBER::equalsIgnoreCase)) {
                return Outcome.refused(Rejection.invalid(
                        "The attribute mapping names %s: give the member attributes in their own field only.",
                        AttributeMapping.GROUP_MEMBER));
            }
            overrides.put(AttributeMapping.GROUP_MEMBER, String.join(", ", members));
        }
        return Outcome.done(overrides);
    }

    private static String field(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null) {
            return "";
        }
        if (value.length() > LONGEST_FIELD) {
            throw new AdminPages.BadInput("The form is too large: a field is longer than any connector setting.");
        }
        return value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
