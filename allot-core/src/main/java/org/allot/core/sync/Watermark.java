package org.allot.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a directory's changes stood when a run read them: an update sequence number of one domain controller, or a
 * modification time.
 *
 * @param value the number, or the time in ISO-8601
 * @param server the domain controller a number belongs to (null for times)
 */
public record Watermark(DeltaStrategy strategy, String value, String server) {
    public Watermark {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(value, "value");
    }

    public static Watermark usn(long usn, String server) {
        return new Watermark(DeltaStrategy.USN_CHANGED, Long.toString(usn), server);
    }

    public static Watermark timestamp(Instant time) {
        return new Watermark(DeltaStrategy.MODIFY_TIMESTAMP, time.toString(), null);
    }

    public long usn() {
        return Long.parseLong(value);
    }

    public Instant time() {
        return Instant.parse(value);
    }

    /**
     * The lower bound of the next delta search: the next number after this one, or this time less {@code overlap},
     * since a directory's clock and the order it commits changes in are not exact.
     */
    public Watermark lowerBound(Duration overlap) {
        return strategy == DeltaStrategy.USN_CHANGED ? usn(usn() + 1, server) : timestamp(time().minus(overlap));
    }
}
