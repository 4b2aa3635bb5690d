package org.allot.api.extensions;

import java.time.OffsetDateTime;

/** A new secret for an app, ending when given (null: in 180 days; at most two years). */
public record AppSecretRequest(OffsetDateTime secretEndDateTime) {}
