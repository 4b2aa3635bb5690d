package org.allot.core.assignment;

import java.util.Objects;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserType;

/** What licensing needs to know about a user. */
public record LicenseSubject(
        UserId id, String userPrincipalName, UserType userType, UsageLocation usageLocation, boolean deleted) {
    public LicenseSubject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(userType, "userType");
    }

    public static LicenseSubject of(User user) {
        return new LicenseSubject(
                user.id(), user.userPrincipalName(), user.userType(), user.usageLocation(), user.isDeleted());
    }

    public boolean isGuest() {
        return userType == UserType.Guest;
    }
}
