package org.allot.core.assignment;

/** The figures of one pool: how many users hold a seat drawn from it, and how many wait for one of its seats. */
public record AllotmentCount(int consumed, int waiting) {
    public static final AllotmentCount EMPTY = new AllotmentCount(0, 0);

    public AllotmentCount {
        if (consumed < 0 || waiting < 0) {
            throw new IllegalArgumentException("negative pool figures: consumed " + consumed + ", waiting " + waiting);
        }
    }

    AllotmentCount plus(int consumedDelta, int waitingDelta) {
        return new AllotmentCount(Math.max(0, consumed + consumedDelta), Math.max(0, waiting + waitingDelta));
    }
}
