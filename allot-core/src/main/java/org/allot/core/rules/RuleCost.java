package org.allot.core.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.allot.core.rules.RuleExpression.Comparison;

/**
 * The cost check of a rule before it is saved or previewed: each {@code -match} pattern is run against test values of
 * the longest text a property holds — one character repeated (letters, digits, spaces, and each character the pattern
 * names) and the pattern's own characters in turn — on a {@link RuleBudget}. A pattern that backtracks
 * catastrophically ({@code .*.*.*x}, {@code \d*\d*\d*x}) runs out of budget on one of them and is refused, whatever
 * the tenant's users hold today.
 */
final class RuleCost {
    /** The longest value a text property holds (displayName). */
    static final int PROBE_LENGTH = 256;

    private static final String METACHARACTERS = "\\^$.|?*+()[]{}";
    private static final int MAX_OWN_CHARACTERS = 12;

    private RuleCost() {}

    /** The first condition whose pattern is too costly, with where and why; empty when every pattern is cheap. */
    static Optional<RuleProblem> check(RuleExpression expression) {
        List<Comparison> conditions = new ArrayList<>();
        expression.collectComparisons(conditions);
        RuleBudget budget = RuleBudget.forProbes();
        for (Comparison condition : conditions) {
            if (!(condition.operand() instanceof RulePattern pattern)) {
                continue;
            }
            for (String probe : probes(pattern.source())) {
                budget.start();
                try {
                    pattern.find(probe, budget);
                } catch (RuleBudget.Exhausted e) {
                    return Optional.of(problem(condition, e.byRequest(), probe));
                } finally {
                    budget.finish();
                }
            }
        }
        return Optional.empty();
    }

    /** The test values for a pattern. */
    static List<String> probes(String source) {
        Set<Character> characters = new LinkedHashSet<>(List.of('a', '1', ' '));
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < source.length() && characters.size() < MAX_OWN_CHARACTERS + 3; i++) {
            char c = Character.toLowerCase(source.charAt(i));
            if (METACHARACTERS.indexOf(c) < 0 && !Character.isISOControl(c)) {
                characters.add(c);
                own.append(c);
            }
        }
        List<String> probes = new ArrayList<>();
        characters.forEach(c -> probes.add(String.valueOf(c).repeat(PROBE_LENGTH)));
        if (own.length() > 1) {
            probes.add(own.toString().repeat(PROBE_LENGTH / own.length() + 1).substring(0, PROBE_LENGTH));
        }
        return probes;
    }

    private static RuleProblem problem(Comparison condition, boolean byRequest, String probe) {
        String why = byRequest
                ? String.format(
                        Locale.ROOT,
                        "the regular expressions of this rule take more than %,d steps together on test values",
                        RuleBudget.STEPS_PER_REQUEST)
                : String.format(
                        Locale.ROOT,
                        "its regular expression takes more than %,d steps on a test value of %d characters (\"%s…\")",
                        RuleBudget.STEPS_PER_USER,
                        PROBE_LENGTH,
                        probe.substring(0, 8));
        return new RuleProblem(
                condition.position(),
                String.format(
                        Locale.ROOT,
                        "The membership rule is too costly to evaluate: at the condition at position %d (%s), %s."
                                + " Simplify the pattern (anchor it, avoid several .* in a row) or use -startsWith,"
                                + " -endsWith, -contains or -in.",
                        condition.position(),
                        condition.describe(),
                        why));
    }
}
