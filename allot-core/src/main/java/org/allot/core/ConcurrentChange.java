package org.allot.core;

/**
 * A unit of work decided on state read without a lock that changed before it could lock it, so that it would now
 * decide differently. Nothing it did may stand: the unit of work is rolled back and run again from its start, like
 * one that lost a deadlock ({@link Transactions#run}).
 */
public final class ConcurrentChange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChange(String message) {
        super(message, null, false, false);
    }
}
