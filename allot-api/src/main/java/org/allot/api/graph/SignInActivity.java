package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Graph's {@code signInActivity} of a user, returned only when selected ({@code $select=signInActivity}). Allot has no
 * sign-ins of its own: {@code lastSignInDateTime} and {@code lastSuccessfulSignInDateTime} are the last sign-in set
 * through {@code /allot/v1} (or imported), the others are null (written, as Graph writes them). A user with no sign-in known has none (null).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SignInActivity(
        OffsetDateTime lastNonInteractiveSignInDateTime,
        String lastNonInteractiveSignInRequestId,
        OffsetDateTime lastSignInDateTime,
        String lastSignInRequestId,
        OffsetDateTime lastSuccessfulSignInDateTime,
        String lastSuccessfulSignInRequestId) {}
