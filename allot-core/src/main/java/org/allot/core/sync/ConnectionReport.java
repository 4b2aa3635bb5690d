package org.allot.core.sync;

import java.util.List;
import java.util.Optional;

/** The result of a connection test: the steps that ran, stopping at the first that failed. */
public record ConnectionReport(List<ConnectionCheck> checks) {
    public ConnectionReport {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().allMatch(ConnectionCheck::passed);
    }

    /** The first step that failed. */
    public Optional<ConnectionCheck> failure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
