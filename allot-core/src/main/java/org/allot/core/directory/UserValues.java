package org.allot.core.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;

/**
 * Checks and converts the attribute values of users, builds a new user from them, and lists what changed for the
 * audit log: the same for cloud users ({@link UserDirectory}) and synced ones ({@link SyncedUsers}).
 */
final class UserValues {
    private UserValues() {}

    /** A new user from values as a client sends them; {@code userPrincipalName} and {@code displayName} required. */
    static Outcome<User> build(Map<UserAttribute, Object> values, UserId id, Instant now) {
        for (UserAttribute required : List.of(UserAttribute.USER_PRINCIPAL_NAME, UserAttribute.DISPLAY_NAME)) {
            if (values.get(required) == null) {
                return Outcome.refused(Rejection.invalid(
                        "Property '%s' is required when creating the resource.", required.graphName()));
            }
        }
        Outcome<Map<UserAttribute, Object>> converted = convertAll(values);
        if (!converted.isDone()) {
            return Outcome.refused(converted.rejection());
        }
        User.Builder builder = User.builder(id, "pending@pending.invalid", now);
        converted.value().forEach(builder::set);
        if (!values.containsKey(UserAttribute.MAIL_NICKNAME)) {
            String upn = (String) converted.value().get(UserAttribute.USER_PRINCIPAL_NAME);
            builder.set(UserAttribute.MAIL_NICKNAME, AttributeValues.localPart(upn));
        }
        return Outcome.done(builder.build());
    }

    static Optional<Rejection> checkDomain(Tenant tenant, String userPrincipalName) {
        String domain = userPrincipalName.substring(userPrincipalName.lastIndexOf('@') + 1);
        if (!tenant.hasVerifiedDomain(domain)) {
            return Optional.of(Rejection.invalid(
                    "The domain portion of the userPrincipalName property is invalid. You must use one of the"
                            + " verified domain names in your organization: %s.",
                    String.join(", ", tenant.verifiedDomains())));
        }
        return Optional.empty();
    }

    /**
     * A cloud user's {@code onPremisesImmutableId}, set for a hard match by the next sync, is the tenant's only one
     * (Entra refuses a second object with the same value too).
     */
    static Optional<Rejection> checkImmutableId(Users users, TenantId tenant, User before, User after) {
        String id = after.onPremisesImmutableId();
        if (id == null || (before != null && id.equals(before.onPremisesImmutableId()))) {
            return Optional.empty();
        }
        return users.findByImmutableId(tenant, id)
                .filter(holder -> !holder.id().equals(after.id()))
                .map(holder -> Rejection.of(
                        ErrorCode.ALREADY_EXISTS,
                        "Another object with the same value for property onPremisesImmutableId already exists."));
    }

    static Rejection principalNameTaken() {
        return Rejection.of(
                ErrorCode.ALREADY_EXISTS,
                "Another object with the same value for property userPrincipalName already exists.");
    }

    static Outcome<Map<UserAttribute, Object>> convertAll(Map<UserAttribute, Object> values) {
        Map<UserAttribute, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<UserAttribute, Object> entry : values.entrySet()) {
            Outcome<Object> value = AttributeValues.convert(UserDirectory.RESOURCE, entry.getKey(), entry.getValue());
            if (!value.isDone()) {
                return Outcome.refused(value.rejection());
            }
            converted.put(entry.getKey(), value.value());
        }
        return Outcome.done(converted);
    }

    static List<PropertyChange> changes(User before, User after, Iterable<UserAttribute> attributes) {
        List<PropertyChange> changes = new ArrayList<>();
        for (UserAttribute attribute : attributes) {
            Object old = before == null ? null : before.get(attribute);
            Object now = after.get(attribute);
            if (!Objects.equals(old, now)) {
                changes.add(PropertyChange.of(attribute.graphName(), old, now));
            }
        }
        return changes;
    }

    static AuditTarget target(User user) {
        return AuditTarget.user(user.id(), user.userPrincipalName());
    }
}
