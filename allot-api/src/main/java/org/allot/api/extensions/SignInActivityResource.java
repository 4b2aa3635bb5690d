package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A user's sign-in activity: Graph's {@code signInActivity} fields (those Allot does not know are left out), and two of
 * Allot's own: the last logon an on-premises Active Directory reports ({@code lastLogonTimestamp}, read by directory
 * sync) and since when the account is disabled. Set with {@code PUT /allot/v1/users/{id}/signInActivity} and
 * {@code {"lastSignInDateTime": "…"}}, or in bulk with {@code POST /allot/v1/signInActivity/import}.
 */
public record SignInActivityResource(
        OffsetDateTime lastSignInDateTime,
        OffsetDateTime lastSuccessfulSignInDateTime,
        OffsetDateTime lastNonInteractiveSignInDateTime,
        OffsetDateTime lastLogonTimestamp,
        OffsetDateTime disabledDateTime) {}
