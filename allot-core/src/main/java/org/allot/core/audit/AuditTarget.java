package org.allot.core.audit;

import java.util.Objects;

/** The object an audited change was made to. */
public record AuditTarget(String type, String id, String displayName) {
    public AuditTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static AuditTarget user(Object id, String userPrincipalName) {
        return new AuditTarget("User", id.toString(), userPrincipalName);
    }

    public static AuditTarget group(Object id, String displayName) {
        return new AuditTarget("Group", id.toString(), displayName);
    }

    public static AuditTarget other(String type, Object id, String displayName) {
        return new AuditTarget(type, id.toString(), displayName);
    }
}
