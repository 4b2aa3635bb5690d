package org.allot.server.web.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;

/**
 * Parses Graph's {@code $search} on users and groups: quoted {@code "property:words"} clauses joined by {@code AND}
 * (binding first) and {@code OR}. The words of a clause are split as Graph tokenises (spaces, punctuation, camel
 * case) and each must begin a word of the property's value.
 */
final class SearchParser {
    private static final int MAX_LENGTH = 1024;
    private static final int MAX_CLAUSES = 20;

    private static final Map<Entity, Set<String>> SEARCHABLE = Map.of(
            Entity.USER,
            Set.of("displayName", "givenName", "surname", "mail", "mailNickname", "userPrincipalName"),
            Entity.GROUP,
            Set.of("displayName", "description", "mail", "mailNickname"));

    private SearchParser() {}

    static boolean searchable(Entity entity) {
        return entity != null && SEARCHABLE.containsKey(entity);
    }

    static Filter parse(String search, Entity entity) {
        if (search.length() > MAX_LENGTH) {
            throw new BadRequest("Invalid $search: it is at most " + MAX_LENGTH + " characters.");
        }
        List<String> parts = split(search.strip());
        if (parts.size() > 2 * MAX_CLAUSES - 1) {
            throw new BadRequest("Invalid $search: it takes at most " + MAX_CLAUSES + " clauses.");
        }
        List<Filter> any = new ArrayList<>();
        List<Filter> all = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 1) {
                if (part.equalsIgnoreCase("OR")) {
                    any.add(join(all, false));
                    all = new ArrayList<>();
                } else if (!part.equalsIgnoreCase("AND")) {
                    throw new BadRequest(
                            "Syntax error: expected AND or OR between $search clauses but found '" + part + "'.");
                }
            } else {
                all.add(clause(part, entity));
            }
        }
        if (parts.isEmpty() || parts.size() % 2 == 0) {
            throw new BadRequest("Syntax error: $search expects clauses such as \"displayName:ann\".");
        }
        any.add(join(all, false));
        return join(any, true);
    }

    /** The words of a search term, lower case: split on anything but letters and digits, and where camel case turns. */
    static List<String> words(String term) {
        String spaced = term.replaceAll("(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})", " ");
        List<String> words = new ArrayList<>();
        for (String w : spaced.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static Filter clause(String quoted, Entity entity) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new BadRequest("Syntax error: a $search clause is in double quotes, such as \"displayName:ann\","
                    + " but found '" + quoted + "'.");
        }
        String clause = quoted.substring(1, quoted.length() - 1);
        int colon = clause.indexOf(':');
        if (colon <= 0) {
            throw new BadRequest("Invalid $search: a clause names the property it searches, such as \"displayName:"
                    + clause + "\".");
        }
        String name = clause.substring(0, colon).strip();
        String property = SEARCHABLE.get(entity).stream()
                .filter(p -> p.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new BadRequest("Invalid $search: the property '" + name + "' cannot be searched on"
                        + " type '" + entity.typeName() + "'."));
        List<String> words = words(clause.substring(colon + 1));
        if (words.isEmpty()) {
            throw new BadRequest("Invalid $search: the clause \"" + clause + "\" has no words to search for.");
        }
        Property p = entity.property(property).orElseThrow();
        return new Filter.Search(p, words);
    }

    /** The quoted clauses and the words between them. */
    private static List<String> split(String search) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < search.length()) {
            char c = search.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = search.indexOf('"', i + 1);
                if (end < 0) {
                    throw new BadRequest("Syntax error: the $search clause starting at position " + (i + 1)
                            + " is not closed with a double quote.");
                }
                parts.add(search.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < search.length() && !Character.isWhitespace(search.charAt(i)) && search.charAt(i) != '"') {
                    i++;
                }
                parts.add(search.substring(start, i));
            }
        }
        return parts;
    }

    private static Filter join(List<Filter> parts, boolean or) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return or ? new Filter.Or(parts) : new Filter.And(parts);
    }
}
