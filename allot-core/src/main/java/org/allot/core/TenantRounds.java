package org.allot.core;

import java.util.function.ToIntFunction;

/**
 * A scheduled step's round over every tenant: one tenant's failure does not keep the others from their turn; the first
 * failure is thrown once the round is over, the others suppressed in it (the failed tenants have their turn at the
 * next round).
 */
public final class TenantRounds {
    private TenantRounds() {}

    /** Runs {@code step} for each tenant and adds up what each returns. */
    public static <T> int sum(Iterable<T> tenants, ToIntFunction<T> step) {
        int total = 0;
        RuntimeException failed = null;
        for (T tenant : tenants) {
            try {
                total += step.applyAsInt(tenant);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return total;
    }
}
