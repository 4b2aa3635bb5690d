package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * A run someone asked for that no server has started yet ("sync now"): the next server free to run it does.
 *
 * @param at when it was first asked for; the run it becomes starts after this
 * @param full whether a full read was asked for (by this or by a later request, before the run started)
 */
public record RunRequest(Instant at, String requestedBy, boolean full) {
    public RunRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
