package org.allot.core.sync;

import java.util.Locale;
import java.util.Optional;

/** The kinds of directory Allot knows, with their default filters, attribute mapping and way of telling changes. */
public enum DirectoryPreset {
    /** Active Directory Domain Services. */
    ACTIVE_DIRECTORY(
            "(&(objectClass=user)(!(objectClass=computer)))",
            "(objectClass=group)",
            AttributeMapping.ACTIVE_DIRECTORY,
            DeltaStrategy.USN_CHANGED),
    /** Any other LDAP directory (OpenLDAP, 389 Directory Server, …): inetOrgPerson and groupOfNames. */
    GENERIC_LDAP(
            "(objectClass=inetOrgPerson)",
            "(objectClass=groupOfNames)",
            AttributeMapping.GENERIC_LDAP,
            DeltaStrategy.MODIFY_TIMESTAMP);

    private final String userFilter;
    private final String groupFilter;

    @SuppressWarnings("ImmutableEnumChecker") // the two presets' mappings are constants that nothing changes
    private final AttributeMapping mapping;

    private final DeltaStrategy deltaStrategy;

    DirectoryPreset(String userFilter, String groupFilter, AttributeMapping mapping, DeltaStrategy deltaStrategy) {
        this.userFilter = userFilter;
        this.groupFilter = groupFilter;
        this.mapping = mapping;
        this.deltaStrategy = deltaStrategy;
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
