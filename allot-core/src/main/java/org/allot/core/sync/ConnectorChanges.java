package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.allot.core.audit.PropertyChange;

/** What saving a connector changed, as its audit record lists it: each setting that changed, never the password. */
final class ConnectorChanges {
    private ConnectorChanges() {}

    static List<PropertyChange> of(ConnectorSettings before, ConnectorSettings after, boolean password) {
        List<PropertyChange> changes = new ArrayList<>();
        change(changes, "url", before == null ? null : before.url(), after.url());
        change(changes, "startTls", before == null ? null : before.startTls(), after.startTls());
        change(changes, "bindDn", before == null ? null : before.bindDn(), after.bindDn());
        change(changes, "baseDns", before == null ? null : before.baseDns(), after.baseDns());
        change(changes, "excludedDns", before == null ? null : before.excludedDns(), after.excludedDns());
        change(changes, "userFilter", before == null ? null : before.userFilter(), after.userFilter());
        change(changes, "groupFilter", before == null ? null : before.groupFilter(), after.groupFilter());
        change(changes, "preset", before == null ? null : before.preset(), after.preset());
        change(changes, "mapping", before == null ? null : before.mappingOverrides(), after.mappingOverrides());
        change(changes, "enabled", before == null ? null : before.enabled(), after.enabled());
        change(changes, "softMatch", before == null ? null : before.softMatch(), after.softMatch());
        change(changes, "staging", before == null ? null : before.staging(), after.staging());
        change(
                changes,
                "trustedCertificate",
                before == null || before.trustedCertificate() == null ? null : "(set)",
                after.trustedCertificate() == null ? null : "(set)");
        if (password) {
            changes.add(PropertyChange.of("password", null, "(changed)"));
        }
        return changes;
    }

    private static void change(List<PropertyChange> changes, String name, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(PropertyChange.of(name, old, now));
        }
    }
}
