package org.allot.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request path with its query options, encoded: {@code Query.of("/v1.0/users").with("$top", 999)}. */
public record Query(String path, List<String> parameters) {

    public static Query of(String path) {
        return new Query(path, List.of());
    }

    /** {@code /v1.0/users/{segment}}: a name or id as one encoded path segment. */
    public static String path(String prefix, String segment, String... rest) {
        StringBuilder path = new StringBuilder(prefix).append('/').append(encode(segment));
        for (String part : rest) {
            path.append('/').append(part);
        }
        return path.toString();
    }

    /** The query with one more option; a null value leaves it out. */
    public Query with(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<String> more = new ArrayList<>(parameters);
        more.add(name + "=" + encode(value.toString()));
        return new Query(path, List.copyOf(more));
    }

    /** An OData string literal: single quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
