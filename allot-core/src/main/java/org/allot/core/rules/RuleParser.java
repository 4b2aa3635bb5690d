package org.allot.core.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.rules.RuleExpression.And;
import org.allot.core.rules.RuleExpression.Comparison;
import org.allot.core.rules.RuleExpression.Not;
import org.allot.core.rules.RuleExpression.Or;
import org.allot.core.rules.RuleExpression.PlanQuantifier;

/**
 * A recursive-descent parser for Entra's membership rule syntax. Precedence, from loosest to tightest: {@code -or},
 * {@code -and}, {@code -not}, comparisons; parentheses group.
 *
 * <pre>
 * rule       = or END
 * or         = and { "-or" and }
 * and        = not { "-and" not }
 * not        = "-not" not | "(" or ")" | condition
 * condition  = "user.assignedPlans" ("-any" | "-all") "(" or ")"     (inside: assignedPlan.* properties)
 *            | property operator value
 * value      = string | number | true | false | null | "[" value { "," value } "]"
 * </pre>
 */
final class RuleParser {
    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int next;
    private int depth;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The parsed rule, or the first problem found. */
    static Result parse(String text) {
        try {
            RuleParser parser = new RuleParser(RuleLexer.tokens(text));
            RuleExpression expression = parser.or(false);
            parser.expectEnd();
            return new Result(expression, null);
        } catch (RuleSyntaxException e) {
            return new Result(null, e.problem());
        }
    }

    record Result(RuleExpression expression, RuleProblem problem) {}

    private RuleExpression or(boolean inPlan) {
        List<RuleExpression> parts = new ArrayList<>(List.of(and(inPlan)));
        while (peek().isKeyword("or")) {
            next++;
            parts.add(and(inPlan));
        }
        return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
    }

    private RuleExpression and(boolean inPlan) {
        List<RuleExpression> parts = new ArrayList<>(List.of(not(inPlan)));
        while (peek().isKeyword("and")) {
            next++;
            parts.add(not(inPlan));
        }
        return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
    }

    private RuleExpression not(boolean inPlan) {
        Token token = peek();
        if (++depth > MAX_DEPTH) {
            throw new RuleSyntaxException(
                    token.position(),
                    "The rule nests more than " + MAX_DEPTH + " levels deep at position " + token.position() + ".");
        }
        try {
            if (token.isKeyword("not")) {
                next++;
                return new Not(not(inPlan));
            }
            if (token.kind() == Token.Kind.OPEN) {
                next++;
                RuleExpression inner = or(inPlan);
                expect(Token.Kind.CLOSE, "')'");
                return inner;
            }
            return condition(inPlan);
        } finally {
            depth--;
        }
    }

    private RuleExpression condition(boolean inPlan) {
        Token name = peek();
        if (name.kind() != Token.Kind.WORD || !name.text().contains(".")) {
            throw expected(
                    inPlan ? "a property such as assignedPlan.servicePlanId" : "a property such as user.department");
        }
        next++;
        RuleProperty property = RuleProperty.named(name.text())
                .filter(p -> p.ofAssignedPlan() == inPlan)
                .orElseThrow(() -> unknownProperty(name, inPlan));
        if (property.type() == RuleProperty.Type.PLANS) {
            return quantifier(name);
        }
        Token operatorToken = peek();
        if (operatorToken.kind() != Token.Kind.OPERATOR && operatorToken.kind() != Token.Kind.WORD) {
            throw expected("an operator such as -eq");
        }
        next++;
        RuleOperator operator =
                RuleOperator.named(operatorToken.text()).orElseThrow(() -> unknownOperator(operatorToken, property));
        return new Comparison(
                property, operator, RuleOperands.read(this, property, operator, operatorToken), name.position());
    }

    private RuleExpression quantifier(Token name) {
        Token operator = peek();
        boolean all = operator.isKeyword("all");
        if (!all && !operator.isKeyword("any")) {
            throw new RuleSyntaxException(
                    operator.position(),
                    String.format(
                            Locale.ROOT,
                            "Expected -any or -all after %s at position %d but found %s: it is a collection.",
                            name.text(),
                            operator.position(),
                            operator.describe()));
        }
        next++;
        expect(Token.Kind.OPEN, "'('");
        RuleExpression condition = or(true);
        expect(Token.Kind.CLOSE, "')'");
        return new PlanQuantifier(all, condition);
    }

    /** Reads one value: a string, a number, true, false or null. */
    Token scalar(String what) {
        Token token = peek();
        if (token.kind() == Token.Kind.STRING
                || (token.kind() == Token.Kind.WORD && !token.text().contains(".") && literal(token))) {
            next++;
            return token;
        }
        throw expected(what);
    }

    /** Reads a bracketed list of values. */
    List<Token> list(String what) {
        expect(Token.Kind.OPEN_LIST, what);
        List<Token> values = new ArrayList<>(List.of(scalar("a value")));
        while (peek().kind() == Token.Kind.COMMA) {
            next++;
            values.add(scalar("a value"));
        }
        expect(Token.Kind.CLOSE_LIST, "']'");
        return values;
    }

    boolean atList() {
        return peek().kind() == Token.Kind.OPEN_LIST;
    }

    private static boolean literal(Token token) {
        String text = token.text().toLowerCase(Locale.ROOT);
        return text.equals("true")
                || text.equals("false")
                || text.equals("null")
                || text.equals("$null")
                || text.matches("-?[0-9]+");
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw expected("-and, -or or the end of the rule");
        }
    }

    private void expect(Token.Kind kind, String what) {
        if (peek().kind() != kind) {
            throw expected(what);
        }
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }

    RuleSyntaxException expected(String what) {
        Token found = peek();
        return new RuleSyntaxException(
                found.position(),
                String.format(
                        Locale.ROOT,
                        "Expected %s at position %d but found %s.",
                        what,
                        found.position(),
                        found.describe()));
    }

    private static RuleSyntaxException unknownProperty(Token name, boolean inPlan) {
        Optional<RuleProperty> other = RuleProperty.named(name.text());
        String hint = other.isPresent()
                ? inPlan
                        ? " Inside -any and -all only assignedPlan properties can be used."
                        : " assignedPlan properties can only be used inside user.assignedPlans -any (…)."
                : " Known properties: " + String.join(", ", RuleProperty.names(inPlan)) + ".";
        return new RuleSyntaxException(
                name.position(),
                String.format(
                        Locale.ROOT, "Unknown property '%s' at position %d.%s", name.text(), name.position(), hint));
    }

    private static RuleSyntaxException unknownOperator(Token token, RuleProperty property) {
        String written = token.kind() == Token.Kind.OPERATOR ? "-" + token.text() : token.text();
        return new RuleSyntaxException(
                token.position(),
                String.format(
                        Locale.ROOT,
                        "Unknown operator '%s' after %s at position %d. Known operators: %s.",
                        written,
                        property.ruleName(),
                        token.position(),
                        String.join(", ", RuleOperator.names())));
    }

    /** The service plan ids a list or value names, or a problem at the token that is not an id. */
    static Set<String> planIds(List<Token> values) {
        Set<String> ids = new LinkedHashSet<>();
        for (Token value : values) {
            try {
                ids.add(UUID.fromString(value.text()).toString());
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(
                        value.position(),
                        String.format(
                                Locale.ROOT,
                                "assignedPlan.servicePlanId takes service plan ids (GUIDs), not %s at position %d.",
                                value.describe(),
                                value.position()));
            }
        }
        return ids;
    }
}
