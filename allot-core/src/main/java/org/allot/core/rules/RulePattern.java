package org.allot.core.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expression of a {@code -match} comparison, guarded against catastrophic backtracking three times over: a
 * pattern that repeats a group which itself repeats or alternates ({@code (a+)+}, {@code (a|aa)*}) or that uses
 * back-references is refused when the rule is saved; so is one that runs out of budget on a test value
 * ({@link RuleCost}); and every match reads the text through the evaluation's {@link RuleBudget}, so that no pattern
 * can hold a request or a worker hostage.
 */
final class RulePattern {
    static final int MAX_LENGTH = 512;

    private final String source;
    private final Pattern pattern;

    private RulePattern(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** The compiled pattern, or why it is refused. */
    static Outcome compile(String source) {
        if (source.length() > MAX_LENGTH) {
            return new Outcome(null, "A regular expression has at most " + MAX_LENGTH + " characters.");
        }
        Optional<String> unsafe = unsafe(source);
        if (unsafe.isPresent()) {
            return new Outcome(null, unsafe.get());
        }
        try {
            return new Outcome(
                    new RulePattern(source, Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)),
                    null);
        } catch (PatternSyntaxException e) {
            return new Outcome(null, "Invalid regular expression: " + e.getDescription() + ".");
        }
    }

    /** A compiled pattern or the reason it was refused. */
    record Outcome(RulePattern pattern, String problem) {}

    /**
     * Whether the pattern occurs in the value (like .NET's {@code Regex.IsMatch}), ignoring case; each character the
     * matcher reads is a step of the budget, which throws {@link RuleBudget.Exhausted} when it runs out.
     */
    boolean find(String value, RuleBudget budget) {
        return pattern.matcher(new Budgeted(value, budget)).find();
    }

    String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RulePattern p && p.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    private static Optional<String> unsafe(String source) {
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[2]); // [0] contains repetition, [1] contains alternation
        boolean lastWasGroup = false;
        boolean[] lastGroup = null;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char escaped = source.charAt(++i);
                if ((escaped >= '1' && escaped <= '9') || escaped == 'k') {
                    return Optional.of("Back-references are not allowed in -match patterns.");
                }
                lastWasGroup = false;
            } else if (c == '[') {
                i = endOfClass(source, i);
                lastWasGroup = false;
            } else if (c == '(') {
                groups.push(new boolean[2]);
                lastWasGroup = false;
            } else if (c == ')' && groups.size() > 1) {
                lastGroup = groups.pop();
                lastWasGroup = true;
                groups.peek()[0] |= lastGroup[0];
            } else if (c == '|') {
                groups.peek()[1] = true;
                lastWasGroup = false;
            } else if (repeats(source, i)) {
                if (lastWasGroup && (lastGroup[0] || lastGroup[1])) {
                    return Optional.of("The pattern repeats a group that itself repeats or has alternatives, which"
                            + " can take exponential time: simplify it.");
                }
                groups.peek()[0] = true;
                lastWasGroup = false;
            } else {
                lastWasGroup = false;
            }
        }
        return Optional.empty();
    }

    /** A quantifier that can repeat more than once: *, + or {n,} / {n,m} with m above 1. */
    private static boolean repeats(String source, int i) {
        char c = source.charAt(i);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c != '{') {
            return false;
        }
        int close = source.indexOf('}', i);
        if (close < 0) {
            return false;
        }
        String[] bounds = source.substring(i + 1, close).split(",", -1);
        if (bounds.length == 1) {
            return !bounds[0].strip().equals("1") && !bounds[0].strip().equals("0");
        }
        String upper = bounds[1].strip();
        return upper.isEmpty() || !(upper.equals("0") || upper.equals("1"));
    }

    private static int endOfClass(String source, int open) {
        int i = open + 1;
        if (i < source.length() && source.charAt(i) == '^') {
            i++;
        }
        if (i < source.length() && source.charAt(i) == ']') {
            i++;
        }
        for (; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return source.length();
    }

    /** The text being matched, counting the characters the matcher reads. */
    private record Budgeted(String value, RuleBudget budget) implements CharSequence {
        @Override
        public int length() {
            return value.length();
        }

        @Override
        public char charAt(int index) {
            budget.step();
            return value.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(value.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
