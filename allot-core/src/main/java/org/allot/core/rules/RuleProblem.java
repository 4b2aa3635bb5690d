package org.allot.core.rules;

import java.util.Objects;

/**
 * Why a membership rule was refused, and where: {@code position} counts characters from 1 (one past the last
 * character for "end of rule"), so an editor can point at it.
 */
public record RuleProblem(int position, String message) {
    public RuleProblem {
        Objects.requireNonNull(message, "message");
    }
}
