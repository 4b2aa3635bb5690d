package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/** Users' last sign-ins, set all or nothing ({@code POST /allot/v1/signInActivity/import}). */
public record SignInImport(List<Entry> value) {
    /** One user, named by {@code id} or {@code userPrincipalName}, and their last sign-in. */
    public record Entry(String id, String userPrincipalName, OffsetDateTime lastSignInDateTime) {}
}
