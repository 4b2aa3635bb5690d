package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A run asked for and not started yet: the next server free to run it does, within the scheduler's poll interval.
 * The run it becomes is the first whose {@code startedDateTime} is at or after {@code requestedDateTime}.
 */
public record DirectorySyncRunRequest(OffsetDateTime requestedDateTime, String requestedBy, Boolean full) {}
