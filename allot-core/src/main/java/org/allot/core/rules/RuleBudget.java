package org.allot.core.rules;

import java.util.Locale;

/**
 * The work rule evaluation may do, counted in steps: one per condition tested and one per character a
 * {@code -match} pattern reads (about two nanoseconds each). One user's evaluation of one rule may take at most
 * {@link #STEPS_PER_USER}, wherever it runs. A request (a preview, the cost check of a rule being saved) also has a
 * budget for all its evaluations together: {@link #STEPS_PER_REQUEST} to start with and {@link #STEPS_PER_USER_ON_AVERAGE}
 * more for each user it evaluates, so that a costly rule cannot make a request many times dearer than reading the
 * users it evaluates. Background work has no request budget: each evaluation is capped, so a worker moves on.
 *
 * <p>Not thread-safe: one budget per request or per unit of background work.
 */
public final class RuleBudget {
    /** One evaluation of one rule against one user (a few milliseconds at most). */
    public static final long STEPS_PER_USER = 1_000_000;
    /** What a request may spend beyond its per-user allowance. */
    public static final long STEPS_PER_REQUEST = 20_000_000;
    /** The allowance a request earns per user it evaluates. */
    public static final long STEPS_PER_USER_ON_AVERAGE = 20_000;

    private final boolean request;
    private final long allowance;
    private long pool;
    private long granted;
    private long left;

    private RuleBudget(boolean request, long pool, long allowance) {
        this.request = request;
        this.pool = pool;
        this.allowance = allowance;
    }

    /** For one request: each evaluation capped, and all of them together. */
    public static RuleBudget forRequest() {
        return new RuleBudget(true, STEPS_PER_REQUEST, STEPS_PER_USER_ON_AVERAGE);
    }

    /** For background work: each evaluation capped, nothing more. */
    public static RuleBudget forBackground() {
        return new RuleBudget(false, Long.MAX_VALUE, 0);
    }

    /** For the cost check of a rule's patterns: each probe capped, all of them together within a request's budget. */
    static RuleBudget forProbes() {
        return new RuleBudget(true, STEPS_PER_REQUEST, 0);
    }

    /** Starts one evaluation (one user, or one probe). */
    void start() {
        if (request) {
            pool += allowance;
        }
        granted = Math.min(STEPS_PER_USER, pool);
        left = granted;
    }

    /** Ends the evaluation started last, charging what it used to the request. */
    void finish() {
        if (request) {
            pool -= granted - Math.max(0, left);
        }
    }

    /** One step; throws {@link Exhausted} when the evaluation or the request has none left. */
    void step() {
        if (--left < 0) {
            throw new Exhausted(granted < STEPS_PER_USER && request);
        }
    }

    /**
     * A rule ran out of budget: {@code byRequest} when the request's budget ran out first, else one evaluation's.
     * {@link #condition()} is the condition being tested then.
     */
    public static final class Exhausted extends RuntimeException {
        private final boolean byRequest;
        private RuleExpression.Comparison condition;

        Exhausted(boolean byRequest) {
            super(null, null, false, false);
            this.byRequest = byRequest;
        }

        Exhausted at(RuleExpression.Comparison comparison) {
            if (condition == null) {
                condition = comparison;
            }
            return this;
        }

        RuleExpression.Comparison condition() {
            return condition;
        }

        public boolean byRequest() {
            return byRequest;
        }

        /** Where in the rule, and why, for a refusal. */
        public RuleProblem problem() {
            int position = condition == null ? 1 : condition.position();
            String clause = condition == null ? "" : " (" + condition.describe() + ")";
            String why = byRequest
                    ? String.format(
                            Locale.ROOT,
                            "this request's budget of %,d steps plus %,d per user",
                            STEPS_PER_REQUEST,
                            STEPS_PER_USER_ON_AVERAGE)
                    : String.format(Locale.ROOT, "the budget of %,d steps for one user", STEPS_PER_USER);
            return new RuleProblem(
                    position,
                    String.format(
                            Locale.ROOT,
                            "The membership rule is too costly to evaluate: the condition at position %d%s used up %s."
                                    + " Simplify its regular expression (anchor it, avoid several .* in a row) or use"
                                    + " -startsWith, -endsWith, -contains or -in.",
                            position,
                            clause,
                            why));
        }

        @Override
        public String getMessage() {
            return problem().message();
        }
    }
}
