package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * An app that calls the API with OAuth 2.0 client credentials; {@code appId} is its client id. {@code clientSecret}
 * is returned once, when the app is created or its secret replaced, and never again; {@code secretEndDateTime} is
 * when that secret stops working (chosen when it is made: 180 days by default, at most two years).
 */
public record AppRegistration(
        String appId,
        String displayName,
        String role,
        OffsetDateTime createdDateTime,
        OffsetDateTime secretEndDateTime,
        String clientSecret) {}
