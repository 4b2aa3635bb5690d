package org.allot.server.persistence;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How PostgreSQL plans one statement of a transaction whatever it would choose for a prepared statement: with its
 * values ({@link #CUSTOM}: a range of rows whose size only its bounds tell, {@link Ranges}) or without them
 * ({@link #GENERIC}: a page of keys each looked up in its index, {@link PageLookups}). The setting is local to the
 * transaction and set back to the session's default after the statement.
 */
enum PlanCacheMode {
    CUSTOM("force_custom_plan"),
    GENERIC("force_generic_plan");

    private final String setting;

    PlanCacheMode(String setting) {
        this.setting = setting;
    }

    /** {@code statement} planned this way, each setting sent through {@code execute} on the transaction's connection. */
    <T> T around(Consumer<String> execute, Supplier<T> statement) {
        execute.accept("set local plan_cache_mode = " + setting);
        T result = statement.get();
        execute.accept("set local plan_cache_mode to default");
        return result;
    }
}
