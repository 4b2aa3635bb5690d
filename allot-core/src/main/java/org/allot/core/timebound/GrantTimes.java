package org.allot.core.timebound;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Rejection;

/** The rules of a grant's times: an end after the start and in the future; a start that is changed, in the future. */
final class GrantTimes {
    private GrantTimes() {}

    /** Whether a grant given {@code start} takes effect at once (no start, or one that is not in the future). */
    static boolean startsNow(Instant start, Instant now) {
        return start == null || !start.isAfter(now);
    }

    /** What is wrong with the times of a new grant, if anything. */
    static Optional<Rejection> check(Instant start, Instant end, Instant now) {
        if (end == null) {
            return startsNow(start, now)
                    ? Optional.of(Rejection.invalid("Give an endDateTime, or a startDateTime in the future: a grant"
                            + " that starts now and never ends is an ordinary assignment."))
                    : Optional.empty();
        }
        if (!end.isAfter(now)) {
            return Optional.of(Rejection.invalid("endDateTime must be in the future."));
        }
        if (start != null && !end.isAfter(start)) {
            return Optional.of(Rejection.invalid("endDateTime must be after startDateTime."));
        }
        return Optional.empty();
    }

    /** What is wrong with new times of {@code grant}, if anything. */
    static Optional<Rejection> checkChange(
            TimedGrant grant, boolean setsStart, Instant start, Instant end, Instant now) {
        if (grant.started() && setsStart && !start.equals(grant.start())) {
            return Optional.of(Rejection.invalid("The grant has started: its startDateTime cannot change."));
        }
        if (!grant.started()) {
            if (start == null || !start.isAfter(now)) {
                return Optional.of(Rejection.invalid("startDateTime must be in the future."));
            }
        }
        if (end != null && !end.isAfter(now)) {
            return Optional.of(Rejection.invalid("endDateTime must be in the future."));
        }
        if (end != null && !end.isAfter(start)) {
            return Optional.of(Rejection.invalid("endDateTime must be after startDateTime."));
        }
        return Optional.empty();
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
