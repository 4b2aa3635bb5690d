package org.allot.core.sync;

import java.util.function.Supplier;

/**
 * Port: runs one step of a sync run as a unit of work (one database transaction in the server). A step may be run
 * again from its start after a concurrency conflict, so it changes nothing but storage.
 */
public interface Transactions {
    <T> T run(Supplier<T> step);
}
