package org.allot.core.rules;

import java.time.Instant;

/**
 * How the latest application of a dynamic group's rule in the background stands: {@code Queued}, {@code Running},
 * {@code Complete} or {@code Failed}, with the users evaluated and how many joined and left.
 */
public record RuleRun(String status, int usersProcessed, int joined, int left, Instant startedAt, Instant finishedAt) {
    /** Queued or running: not applied to every user yet. */
    public boolean underWay() {
        return status.equals("Queued") || status.equals("Running");
    }
}
