package org.allot.core.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The comparison operators of membership rules. Each {@code -notX} is exactly the opposite of {@code -X}; comparing
 * text ignores case, as Entra does; a missing value (null) equals only {@code null} and starts with, ends with,
 * contains, matches and is in nothing.
 */
enum RuleOperator {
    EQ("eq", Operand.SCALAR, false),
    NE("ne", Operand.SCALAR, true),
    STARTS_WITH("startsWith", Operand.TEXT, false),
    NOT_STARTS_WITH("notStartsWith", Operand.TEXT, true),
    ENDS_WITH("endsWith", Operand.TEXT, false),
    NOT_ENDS_WITH("notEndsWith", Operand.TEXT, true),
    CONTAINS("contains", Operand.TEXT, false),
    NOT_CONTAINS("notContains", Operand.TEXT, true),
    MATCH("match", Operand.PATTERN, false),
    NOT_MATCH("notMatch", Operand.PATTERN, true),
    IN("in", Operand.LIST, false),
    NOT_IN("notIn", Operand.LIST, true);

    /** What the operator compares a property with. */
    enum Operand {
        /** One value: text, a number, true, false or null. */
        SCALAR,
        /** One text value (or a number). */
        TEXT,
        /** A regular expression, in a string. */
        PATTERN,
        /** A list of values in brackets: {@code ["US", "CA"]}. */
        LIST
    }

    private final String ruleName;
    private final Operand operand;
    private final boolean negated;

    RuleOperator(String ruleName, Operand operand, boolean negated) {
        this.ruleName = ruleName;
        this.operand = operand;
        this.negated = negated;
    }

    String ruleName() {
        return "-" + ruleName;
    }

    Operand operand() {
        return operand;
    }

    boolean negated() {
        return negated;
    }

    /** The operator named {@code name} (without hyphen), in any case. */
    static Optional<RuleOperator> named(String name) {
        return Arrays.stream(values())
                .filter(o -> o.ruleName.equalsIgnoreCase(name))
                .findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(RuleOperator::ruleName).toList();
    }
}
