package org.allot.core.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * A user as a request names them: by id, or by user principal name (as Graph's {@code /users/{id |
 * userPrincipalName}}). {@link #toString()} is the text as given, for telling that it names nobody.
 */
public record UserRef(String text) {
    public UserRef {
        Objects.requireNonNull(text, "text");
    }

    public static UserRef of(String text) {
        return new UserRef(text);
    }

    public static UserRef of(UserId id) {
        return new UserRef(id.toString());
    }

    /** The id, when the text is one. */
    public Optional<UserId> id() {
        try {
            return Optional.of(new UserId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The user it names, unless deleted, read without a lock. */
    public Optional<User> find(TenantId tenant, Users users) {
        Optional<UserId> id = id();
        Optional<User> found = id.isPresent() ? users.find(tenant, id.get()) : users.findByPrincipalName(tenant, text);
        return found.filter(u -> !u.isDeleted());
    }

    @Override
    public String toString() {
        return text;
    }
}
