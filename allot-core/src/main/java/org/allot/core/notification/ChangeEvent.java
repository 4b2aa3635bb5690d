package org.allot.core.notification;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;

/**
 * One change as subscriptions see it: a user or group {@code id} was created, updated or deleted; {@code membership}
 * marks a change of a group's members (the group is {@code id}); a {@code LICENSE_ASSIGNMENT} is a change of one of
 * user {@code id}'s license assignments, which {@code assignment} names and tells the state of; an {@code ALERT} is an
 * alert {@code id} raised or resolved; a {@code LICENSE_REQUEST}, license request {@code id} filed or changed.
 */
public record ChangeEvent(Kind kind, UUID id, ChangeType changeType, boolean membership, AssignmentChange assignment) {
    public enum Kind {
        USER("Users", "#Microsoft.Graph.User"),
        GROUP("Groups", "#Microsoft.Graph.Group"),
        /** One source of one license of a user, as an item of Graph's {@code licenseAssignmentStates}. */
        LICENSE_ASSIGNMENT("Users", "#Microsoft.Graph.LicenseAssignmentState"),
        /** An alert of Allot's ({@code /allot/v1/alerts/{id}}): raised ({@code created}) or resolved ({@code updated}). */
        ALERT("Alerts", "#allot.alert"),
        /**
         * A license request of Allot's ({@code /allot/v1/licenseRequests/{id}}): filed ({@code created}), or decided,
         * expired or cancelled ({@code updated}).
         */
        LICENSE_REQUEST("LicenseRequests", "#allot.licenseRequest");

        private final String collection;
        private final String odataType;

        Kind(String collection, String odataType) {
            this.collection = collection;
            this.odataType = odataType;
        }

        /** Graph's collection name in a notification's {@code resource}, e.g. {@code Users}. */
        public String collection() {
            return collection;
        }

        public String odataType() {
            return odataType;
        }
    }

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changeType, "changeType");
        if ((kind == Kind.LICENSE_ASSIGNMENT) != (assignment != null)) {
            throw new IllegalArgumentException("a license assignment's change, and only it, names the assignment");
        }
    }

    public ChangeEvent(Kind kind, UUID id, ChangeType changeType, boolean membership) {
        this(kind, id, changeType, membership, null);
    }

    public static ChangeEvent user(UUID id, ChangeType type) {
        return new ChangeEvent(Kind.USER, id, type, false);
    }

    public static ChangeEvent group(UUID id, ChangeType type) {
        return new ChangeEvent(Kind.GROUP, id, type, false);
    }

    public static ChangeEvent members(UUID group) {
        return new ChangeEvent(Kind.GROUP, group, ChangeType.UPDATED, true);
    }

    /** A change of one of the user's license assignments. */
    public static ChangeEvent assignment(UUID user, ChangeType type, AssignmentChange assignment) {
        return new ChangeEvent(Kind.LICENSE_ASSIGNMENT, user, type, false, assignment);
    }

    /** An alert raised ({@link ChangeType#CREATED}) or resolved ({@link ChangeType#UPDATED}). */
    public static ChangeEvent alert(UUID alert, ChangeType type) {
        return new ChangeEvent(Kind.ALERT, alert, type, false);
    }

    /** A license request filed ({@link ChangeType#CREATED}), or decided, expired or cancelled ({@link ChangeType#UPDATED}). */
    public static ChangeEvent licenseRequest(UUID request, ChangeType type) {
        return new ChangeEvent(Kind.LICENSE_REQUEST, request, type, false);
    }

    /** The notification's {@code @odata.id}, as Graph writes it: {@code Users/{id}} (for an assignment: its user). */
    public String odataId() {
        return kind.collection() + "/" + id;
    }

    /**
     * The notification's {@code resource}: {@code Users/{id}}, {@code Groups/{id}/members} for members, {@code
     * Users/{id}/licenseAssignmentStates} for a license assignment (what {@code GET
     * /v1.0/users/{id}?$select=licenseAssignmentStates} reads).
     */
    public String resource() {
        if (kind == Kind.LICENSE_ASSIGNMENT) {
            return odataId() + "/licenseAssignmentStates";
        }
        return membership ? odataId() + "/members" : odataId();
    }
}
