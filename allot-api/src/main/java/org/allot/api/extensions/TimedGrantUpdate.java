package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * New times for a time-bound grant: only the properties sent change; {@code "endDateTime": null} removes the end (what
 * was granted then stays), and the start of a grant that has started cannot change.
 */
public record TimedGrantUpdate(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {}
