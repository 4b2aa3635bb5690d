package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A user (id or userPrincipalName) added to a group for a time: a start (absent: now) and an end (absent: none; a
 * membership that starts now needs one).
 */
public record TimedMemberRequest(String id, OffsetDateTime startDateTime, OffsetDateTime endDateTime) {}
