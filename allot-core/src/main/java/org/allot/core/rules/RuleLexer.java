package org.allot.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a membership rule into tokens. Operators may be written with or without their hyphen, in any case, and with
 * the en dash Microsoft's documentation sometimes prints instead of a hyphen. Strings are in double quotes (a quote
 * inside is escaped with a backtick: {@code `"}) or single quotes (doubled inside: {@code ''}).
 */
final class RuleLexer {
    private final String text;
    private int at;

    private RuleLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new RuleLexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", text.length() + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = text.charAt(at);
        int position = at + 1;
        return switch (c) {
            case '(' -> single(Token.Kind.OPEN, position);
            case ')' -> single(Token.Kind.CLOSE, position);
            case '[' -> single(Token.Kind.OPEN_LIST, position);
            case ']' -> single(Token.Kind.CLOSE_LIST, position);
            case ',' -> single(Token.Kind.COMMA, position);
            case '"' -> doubleQuoted(position);
            case '\'' -> singleQuoted(position);
            default -> {
                if (isDash(c) && at + 1 < text.length() && Character.isLetter(text.charAt(at + 1))) {
                    at++;
                    String word = word();
                    yield new Token(Token.Kind.OPERATOR, word.toLowerCase(Locale.ROOT), position);
                }
                if (isWordStart(c) || (isDash(c) && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                    at++;
                    yield new Token(Token.Kind.WORD, c + word(), position);
                }
                throw new RuleSyntaxException(
                        position, String.format(Locale.ROOT, "Unexpected character '%c' at position %d.", c, position));
            }
        };
    }

    private Token single(Token.Kind kind, int position) {
        at++;
        return new Token(kind, text.substring(position - 1, position), position);
    }

    private Token doubleQuoted(int position) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '`' && at < text.length()) {
                value.append(text.charAt(at++));
            } else if (c == '"') {
                return new Token(Token.Kind.STRING, value.toString(), position);
            } else {
                value.append(c);
            }
        }
        throw unterminated(position, '"');
    }

    private Token singleQuoted(int position) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\'') {
                if (at < text.length() && text.charAt(at) == '\'') {
                    value.append('\'');
                    at++;
                } else {
                    return new Token(Token.Kind.STRING, value.toString(), position);
                }
            } else {
                value.append(c);
            }
        }
        throw unterminated(position, '\'');
    }

    private RuleSyntaxException unterminated(int position, char quote) {
        return new RuleSyntaxException(
                text.length() + 1,
                String.format(
                        Locale.ROOT,
                        "Expected a closing %c for the string starting at position %d but found end of rule.",
                        quote,
                        position));
    }

    private String word() {
        int start = at;
        while (at < text.length() && isWordPart(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
}
