package org.allot.bench.scenario;

import java.util.List;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Result;

/** One of the scenarios: sets up its data, warms up, measures its runs and its baseline in the same run. */
public interface Scenario {
    /** The name used with {@code --scenario}. */
    String id();

    String title();

    /** Extra {@code --name=value} arguments for a server the harness starts for this scenario. */
    default List<String> serverArguments(Context context) {
        return List.of();
    }

    /** False for scenarios that measure in the harness's own JVM (JMH). */
    default boolean needsServer() {
        return true;
    }

    List<Result> run(Target target, Context context);
}
