package org.allot.cli.bulk;

import java.util.List;

/**
 * One row of an import, planned: the line, what identifies it (the user, and the product for licenses), what it
 * changes, a word on what, and the request that does it (none when nothing changes or the row is invalid).
 */
public record Step(int line, List<String> key, Action action, String detail, Request request) {

    /** What a row does. */
    public enum Action {
        CREATE("created", "would create"),
        UPDATE("updated", "would update"),
        ASSIGN("assigned", "would assign"),
        REMOVE("removed", "would remove"),
        REPLACE("replaced", "would replace"),
        UNCHANGED("unchanged", "unchanged"),
        INVALID("invalid", "invalid");

        private final String done;
        private final String planned;

        Action(String done, String planned) {
            this.done = done;
            this.planned = planned;
        }

        public String done() {
            return done;
        }

        public String planned() {
            return planned;
        }

        public boolean changes() {
            return this != UNCHANGED && this != INVALID;
        }
    }

    /** An HTTP request of the API; {@code lane} keeps the requests of one user in order. */
    public record Request(String method, String path, Object body, String lane) {}

    public static Step invalid(int line, List<String> key, String why) {
        return new Step(line, key, Action.INVALID, why, null);
    }

    public static Step unchanged(int line, List<String> key, String why) {
        return new Step(line, key, Action.UNCHANGED, why, null);
    }
}
