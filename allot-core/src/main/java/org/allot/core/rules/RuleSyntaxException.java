package org.allot.core.rules;

/** Thrown inside the parser to unwind to {@link RuleParser#parse}, which turns it into a {@link RuleProblem}. */
final class RuleSyntaxException extends RuntimeException {
    private final int position;

    RuleSyntaxException(int position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    RuleProblem problem() {
        return new RuleProblem(position, getMessage());
    }
}
