package org.allot.server.web.graph;

import org.allot.core.Outcome;
import org.allot.core.Rejection;

/** Carries a core refusal out of a controller to {@link GraphErrors}, which answers it. */
public final class Refused extends RuntimeException {
    private final transient Rejection rejection;

    public Refused(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    /** The value of a done outcome, or a {@link Refused} to answer. */
    public static <T> T orRefuse(Outcome<T> outcome) {
        if (outcome.isDone()) {
            return outcome.value();
        }
        throw new Refused(outcome.rejection());
    }
}
