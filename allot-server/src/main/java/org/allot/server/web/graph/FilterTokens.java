package org.allot.server.web.graph;

import java.util.ArrayList;
import java.util.List;

/** Splits an OData {@code $filter} into tokens: names, quoted strings, bare literals and punctuation. */
final class FilterTokens {
    enum Kind {
        NAME,
        STRING,
        LITERAL,
        PUNCT,
        END
    }

    record Token(Kind kind, String text, int position) {
        boolean is(String value) {
            return (kind == Kind.NAME || kind == Kind.PUNCT) && text.equalsIgnoreCase(value);
        }
    }

    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z_-])");

    private FilterTokens() {}

    static List<Token> of(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= filter.length()) {
                        throw new BadRequest("Invalid filter clause: the string starting at position " + (start + 1)
                                + " is not closed with a quote.");
                    }
                    char d = filter.charAt(i++);
                    if (d == '\'') {
                        if (i < filter.length() && filter.charAt(i) == '\'') {
                            value.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(d);
                    }
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start + 1));
            } else if (GUID.matcher(filter).region(i, filter.length()).lookingAt()) {
                tokens.add(new Token(Kind.LITERAL, filter.substring(i, i + 36), i + 1));
                i += 36;
            } else if ("()/,:".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i + 1));
                i++;
            } else if (Character.isDigit(c) || c == '-') {
                int start = i;
                while (i < filter.length()
                        && (Character.isLetterOrDigit(filter.charAt(i)) || "-:.+".indexOf(filter.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(Kind.LITERAL, filter.substring(start, i), start + 1));
            } else if (Character.isLetter(c) || c == '$' || c == '_') {
                int start = i;
                while (i < filter.length()
                        && (Character.isLetterOrDigit(filter.charAt(i))
                                || filter.charAt(i) == '_'
                                || filter.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, filter.substring(start, i), start + 1));
            } else {
                throw new BadRequest(
                        "Invalid filter clause: unexpected character '" + c + "' at position " + (i + 1) + ".");
            }
        }
        tokens.add(new Token(Kind.END, "", filter.length() + 1));
        return tokens;
    }
}
