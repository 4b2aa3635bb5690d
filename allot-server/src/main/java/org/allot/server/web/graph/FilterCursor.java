package org.allot.server.web.graph;

import java.util.List;
import org.allot.server.web.graph.FilterTokens.Kind;
import org.allot.server.web.graph.FilterTokens.Token;

/** The tokens of a {@code $filter} and the parser's place in them. */
final class FilterCursor {
    private final List<Token> tokens;
    private int at;

    FilterCursor(String filter) {
        this.tokens = FilterTokens.of(filter);
    }

    Token peek() {
        return tokens.get(at);
    }

    /** The token after the next one (the end, past the end). */
    Token second() {
        return tokens.get(Math.min(at + 1, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    boolean accept(String punct) {
        if (peek().is(punct)) {
            next();
            return true;
        }
        return false;
    }

    void expect(String punct) {
        Token t = next();
        if (!t.is(punct)) {
            throw FilterValues.expectedAt(t, "'" + punct + "'");
        }
    }

    /** {@code x:} opening a lambda; returns the variable. */
    String lambdaVariable() {
        Token variable = next();
        if (variable.kind() != Kind.NAME) {
            throw FilterValues.expectedAt(variable, "a lambda variable such as x");
        }
        expect(":");
        return variable.text();
    }

    /** {@code x/field} in a lambda over {@code x}. */
    void expectField(String variable, String field) {
        Token again = next();
        if (!again.text().equals(variable)) {
            throw FilterValues.expectedAt(again, "'" + variable + "'");
        }
        expect("/");
        Token name = next();
        if (!name.is(field)) {
            throw FilterValues.expectedAt(name, field);
        }
    }
}
