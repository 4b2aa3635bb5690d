package org.allot.core.sync;

import java.util.Locale;
import java.util.Optional;

/** The kinds of directory Allot knows, with their default filters, attribute mapping and way of telling changes. */
public enum DirectoryPreset {
    /**
     * Active Directory Domain Services. Its critical system objects (built-in accounts and groups such as
     * Administrator, Guest, krbtgt, Domain Admins) are never synced, as Microsoft Entra Connect leaves them out.
     */
    ACTIVE_DIRECTORY(
            "(&(objectClass=user)(!(objectClass=computer)))",
            "(objectClass=group)",
            AttributeMapping.ACTIVE_DIRECTORY,
            DeltaStrategy.USN_CHANGED,
            "(!(isCriticalSystemObject=TRUE))"),
    /** Any other LDAP directory (OpenLDAP, 389 Directory Server, …): inetOrgPerson and groupOfNames. */
    GENERIC_LDAP(
            "(objectClass=inetOrgPerson)",
            "(objectClass=groupOfNames)",
            AttributeMapping.GENERIC_LDAP,
            DeltaStrategy.MODIFY_TIMESTAMP,
            null);

    private final String userFilter;
    private final String groupFilter;

    @SuppressWarnings("ImmutableEnumChecker") // the two presets' mappings are constants that nothing changes
    private final AttributeMapping mapping;

    private final DeltaStrategy deltaStrategy;
    private final String exclusion;

    DirectoryPreset(
            String userFilter,
            String groupFilter,
            AttributeMapping mapping,
            DeltaStrategy deltaStrategy,
            String exclusion) {
        this.userFilter = userFilter;
        this.groupFilter = groupFilter;
        this.mapping = mapping;
        this.deltaStrategy = deltaStrategy;
        this.exclusion = exclusion;
    }

    /** What every search of the kind of directory leaves out, whatever the connector's filters; empty: nothing. */
    public Optional<String> exclusion() {
        return Optional.ofNullable(exclusion);
    }

    public String userFilter() {
        return userFilter;
    }

    public String groupFilter() {
        return groupFilter;
    }

    public AttributeMapping mapping() {
        return mapping;
    }

    public DeltaStrategy deltaStrategy() {
        return deltaStrategy;
    }

    /** The preset named {@code ACTIVE_DIRECTORY}, {@code activeDirectory}, {@code generic-ldap}, … in any case. */
    public static Optional<DirectoryPreset> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String folded = name.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (DirectoryPreset preset : values()) {
            if (preset.name().replace("_", "").toLowerCase(Locale.ROOT).equals(folded)) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }
}
