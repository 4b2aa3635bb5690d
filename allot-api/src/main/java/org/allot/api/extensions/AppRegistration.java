package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * An app that calls the API with OAuth 2.0 client credentials; {@code appId} is its client id. {@code clientSecret}
 * is returned once, when the app is created or its secret replaced, and never again.
 */
public record AppRegistration(
        String appId, String displayName, String role, OffsetDateTime createdDateTime, String clientSecret) {}
