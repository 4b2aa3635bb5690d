package org.allot.server.security.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The administrator roles, as Microsoft Entra names them. An app or an admin account has exactly one. */
public enum Role {
    GLOBAL_ADMINISTRATOR("Global Administrator"),
    LICENSE_ADMINISTRATOR("License Administrator"),
    USER_ADMINISTRATOR("User Administrator"),
    GROUPS_ADMINISTRATOR("Groups Administrator"),
    GLOBAL_READER("Global Reader");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
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
