package org.allot.core.rules;

import java.util.Locale;

/** One token of a membership rule, with the position (from 1) of its first character. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** {@code -eq}, {@code -and}, …: the text is lower case and without its hyphen. */
        OPERATOR,
        /** A property, a bare keyword ({@code and}, {@code true}, {@code null}) or a number. */
        WORD,
        /** A quoted string, the text without its quotes and escapes. */
        STRING,
        OPEN,
        CLOSE,
        OPEN_LIST,
        CLOSE_LIST,
        COMMA,
        END
    }

    /** Whether this is the operator or bare keyword {@code name} ({@code -and} or {@code and}). */
    boolean isKeyword(String name) {
        return (kind == Kind.OPERATOR || kind == Kind.WORD)
                && text.toLowerCase(Locale.ROOT).equals(name);
    }

    /** How the token is named in messages: {@code '-and'}, {@code "Sales"}, {@code end of rule}. */
    String describe() {
        return switch (kind) {
            case END -> "end of rule";
            case STRING -> "\"" + text + "\"";
            case OPERATOR -> "'-" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
