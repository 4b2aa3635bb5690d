package org.allot.core.assignment;

import java.util.Objects;
import org.allot.core.directory.Group;

/**
 * A group with what it assigns, where applying that stands and its priority in waiting lists; a group read without
 * its licensing (none was asked for) has {@code licensing} null.
 */
public record LicensedGroup(Group group, GroupLicensing.GroupLicenseState licensing) {
    public LicensedGroup {
        Objects.requireNonNull(group, "group");
    }

    public static LicensedGroup withoutLicenses(Group group) {
        return new LicensedGroup(group, null);
    }

    public static LicensedGroup of(GroupLicensing.GroupLicenseState state) {
        return new LicensedGroup(state.group(), state);
    }

    public boolean hasLicenses() {
        return licensing != null;
    }
}
