package org.allot.core.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and checks the value a comparison compares with, for its property and operator. */
final class RuleOperands {
    private RuleOperands() {}

    static Object read(RuleParser parser, RuleProperty property, RuleOperator operator, Token operatorToken) {
        if (property.type() == RuleProperty.Type.BOOLEAN) {
            return bool(parser, property, operator, operatorToken);
        }
        if (operator.operand() == RuleOperator.Operand.LIST) {
            List<Token> values = parser.list("a list such as [\"US\", \"CA\"] after " + operator.ruleName());
            if (property == RuleProperty.SERVICE_PLAN_ID) {
                return Set.copyOf(RuleParser.planIds(values));
            }
            Set<String> folded = new LinkedHashSet<>();
            for (Token value : values) {
                folded.add(text(value, property));
            }
            return Set.copyOf(folded);
        }
        if (parser.atList()) {
            throw parser.expected(
                    "one value after " + operator.ruleName() + " (use -in or -notIn to compare with a list)");
        }
        Token value = parser.scalar("a value after " + operator.ruleName());
        if (isNull(value)) {
            if (operator != RuleOperator.EQ && operator != RuleOperator.NE) {
                throw problem(
                        value,
                        "null can only be compared with -eq or -ne, not with %s, at position %d.",
                        operator.ruleName(),
                        value.position());
            }
            return null;
        }
        if (operator.operand() == RuleOperator.Operand.PATTERN) {
            RulePattern.Outcome pattern = RulePattern.compile(value.text());
            if (pattern.pattern() == null) {
                throw problem(value, "%s (the pattern at position %d)", pattern.problem(), value.position());
            }
            return pattern.pattern();
        }
        if (property == RuleProperty.SERVICE_PLAN_ID && (operator == RuleOperator.EQ || operator == RuleOperator.NE)) {
            return RuleParser.planIds(List.of(value)).iterator().next();
        }
        return text(value, property);
    }

    private static Boolean bool(RuleParser parser, RuleProperty property, RuleOperator operator, Token operatorToken) {
        if (operator != RuleOperator.EQ && operator != RuleOperator.NE) {
            throw problem(
                    operatorToken,
                    "%s is true or false: compare it with -eq or -ne, not %s (position %d).",
                    property.ruleName(),
                    operator.ruleName(),
                    operatorToken.position());
        }
        Token value = parser.scalar("true or false after " + operator.ruleName());
        String text = value.text().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw problem(
                    value,
                    "%s is true or false, not %s (position %d).",
                    property.ruleName(),
                    value.describe(),
                    value.position());
        }
        return Boolean.valueOf(text);
    }

    private static String text(Token value, RuleProperty property) {
        String text = value.text().toLowerCase(Locale.ROOT);
        if (value.kind() == Token.Kind.WORD && (text.equals("true") || text.equals("false"))) {
            throw problem(
                    value,
                    "%s holds text: write %s in double quotes if you mean the text (position %d).",
                    property.ruleName(),
                    value.text(),
                    value.position());
        }
        if (isNull(value)) {
            throw problem(value, "A list cannot contain null (position %d).", value.position());
        }
        return text;
    }

    private static boolean isNull(Token value) {
        return value.kind() == Token.Kind.WORD
                && (value.text().equalsIgnoreCase("null") || value.text().equalsIgnoreCase("$null"));
    }

    private static RuleSyntaxException problem(Token at, String format, Object... args) {
        return new RuleSyntaxException(at.position(), String.format(Locale.ROOT, format, args));
    }
}
