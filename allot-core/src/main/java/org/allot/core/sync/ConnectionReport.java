package org.allot.core.sync;

import java.util.List;
import java.util.Optional;

/**
 * The result of a connection test: the steps that ran, stopping at the first that failed (with several servers, a
 * server that fails a step is followed by the next one's steps).
 */
public record ConnectionReport(List<ConnectionCheck> checks) {
    public ConnectionReport {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().allMatch(ConnectionCheck::passed);
    }

    /**
     * Whether the directory can be read in the end: every step passed, or a server failed one and a later server of
     * the connector passed them all (its last step, the group filter, passed).
     */
    public boolean readable() {
        return !checks.isEmpty()
                && checks.get(checks.size() - 1).step() == ConnectionCheck.Step.GROUP_FILTER
                && checks.get(checks.size() - 1).passed();
    }

    /** The first step that failed. */
    public Optional<ConnectionCheck> failure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
