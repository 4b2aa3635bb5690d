package org.allot.cli.testing;

import java.util.List;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.UserResource;

/** Graph users as the server would answer them, for tests: {@code aUser("ada@contoso.com").withId("1").build()}. */
public final class UserBuilder {
    private final String userPrincipalName;
    private String id = "00000000-0000-4000-8000-000000000001";
    private String displayName;
    private String department;
    private String usageLocation;
    private List<LicenseAssignmentState> states = List.of();

    private UserBuilder(String userPrincipalName) {
        this.userPrincipalName = userPrincipalName;
    }

    public static UserBuilder aUser(String userPrincipalName) {
        return new UserBuilder(userPrincipalName);
    }

    public UserBuilder withId(String value) {
        id = value;
        return this;
    }

    public UserBuilder named(String value) {
        displayName = value;
        return this;
    }

    public UserBuilder inDepartment(String value) {
        department = value;
        return this;
    }

    public UserBuilder locatedIn(String value) {
        usageLocation = value;
        return this;
    }

    public UserBuilder holding(LicenseAssignmentState... value) {
        states = List.of(value);
        return this;
    }

    /** The user; its display name is its userPrincipalName's local part unless named. */
    public UserResource build() {
        String name =
                displayName != null ? displayName : userPrincipalName.substring(0, userPrincipalName.indexOf('@'));
        return new UserResource(
                null,
                id,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                department,
                name,
                null,
                null,
                null,
                states,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                usageLocation,
                userPrincipalName,
                "Member");
    }
}
