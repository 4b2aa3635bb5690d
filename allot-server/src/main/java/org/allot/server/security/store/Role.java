package org.allot.server.security.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The administrator roles, as Microsoft Entra names them. An app or an admin account has exactly one. */
public enum Role {
    GLOBAL_ADMINISTRATOR("Global Administrator", "62e90394-69f5-4237-9190-012177145e10"),
    LICENSE_ADMINISTRATOR("License Administrator", "4d6ac14f-3453-41d0-bef9-a3e0c569773a"),
    USER_ADMINISTRATOR("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1"),
    GROUPS_ADMINISTRATOR("Groups Administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c"),
    GLOBAL_READER("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451");

    private final String displayName;
    private final String templateId;

    Role(String displayName, String templateId) {
        this.displayName = displayName;
        this.templateId = templateId;
    }

    /** Entra's role template id ({@code roleId} of Graph's scopedRoleMembership). */
    public String templateId() {
        return templateId;
    }

    /**
     * Whether the role may be held over administrative units (docs/delegation.md): every role but Global
     * Administrator, which reaches everything by definition. A role held over units reads as "Global Reader of the
     * unit" for Global Reader.
     */
    public boolean unitScopable() {
        return this != GLOBAL_ADMINISTRATOR;
    }

    /** The Spring Security authority a holder of the role over administrative units has (never the tenant-wide one). */
    public String unitAuthority() {
        return "UNIT_ROLE_" + name();
    }

    /** The role named by its template id, its display name or its constant name. */
    public static Optional<Role> ofTemplateOrName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.templateId.equalsIgnoreCase(value.strip())) {
                return Optional.of(role);
            }
        }
        return parse(value);
    }

    public String displayName() {
        return displayName;
    }

    /** The Spring Security authority a holder of the role has. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by its display name ("License Administrator") or constant name, in any case. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String folded = name.strip().replace(' ', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(folded)).findFirst();
    }
}
