package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A key that signs access tokens, named in their {@code kid}: the {@code current} one signs; keys it replaced still
 * verify the tokens they signed until those expire ({@code retiredDateTime} is when they were replaced).
 */
public record SigningKey(String kid, boolean current, OffsetDateTime createdDateTime, OffsetDateTime retiredDateTime) {}
