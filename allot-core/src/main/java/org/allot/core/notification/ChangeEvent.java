package org.allot.core.notification;

import java.util.Objects;
import java.util.UUID;

/**
 * One change of the directory as subscriptions see it: a user or group {@code id} was created, updated or deleted;
 * {@code membership} marks a change of a group's members (the group is {@code id}).
 */
public record ChangeEvent(Kind kind, UUID id, ChangeType changeType, boolean membership) {
    public enum Kind {
        USER("Users", "#Microsoft.Graph.User"),
        GROUP("Groups", "#Microsoft.Graph.Group");

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

    /** The notification's {@code @odata.id}, as Graph writes it: {@code Users/{id}}. */
    public String odataId() {
        return kind.collection() + "/" + id;
    }

    /** The notification's {@code resource}: {@code Users/{id}}, or {@code Groups/{id}/members} for members. */
    public String resource() {
        return membership ? odataId() + "/members" : odataId();
    }
}
