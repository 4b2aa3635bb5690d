package org.allot.core.query;

/**
 * A filterable or sortable property of a directory object or audit record: its Graph name, its type and how Graph lets
 * it be filtered.
 *
 * <p>{@code ranged}: whether a text property takes {@code ge} and {@code le}, as Graph's property tables list for most
 * of users' and groups' names ({@code displayName ge 'M'}, {@code userPrincipalName le 'n'}), by default unless the
 * property is {@link Filtering#ADVANCED}. Dates take every ordering operator.
 */
public record Property(String name, Type type, boolean sortable, Filtering filtering, boolean ranged) {

    public enum Type {
        TEXT,
        BOOLEAN,
        DATETIME,
        GUID
    }

    /** What filters Graph accepts on a property. */
    public enum Filtering {
        /** Every operator of its type; the advanced ones ({@code ne}, {@code not}, …) with advanced queries. */
        FULL,
        /**
         * Only in advanced queries ({@code ConsistencyLevel: eventual}), whatever the operator ({@code eq} included),
         * such as the extension attributes and {@code onPremisesSamAccountName}.
         */
        ADVANCED,
        /**
         * Only equality ({@code eq}, {@code in}, {@code ne} and {@code not} in advanced queries), no {@code startsWith}
         * or ordering, such as security identifiers.
         */
        EQUALITY
    }

    public Property(String name, Type type, boolean sortable) {
        this(name, type, sortable, Filtering.FULL, type == Type.DATETIME);
    }

    public Property(String name, Type type, boolean sortable, Filtering filtering) {
        this(name, type, sortable, filtering, type == Type.DATETIME);
    }

    /**
     * Whether Graph takes the comparison on this property: {@code eq} and {@code ne} on every one, {@code ge} and
     * {@code le} on dates and ranged text, {@code gt} and {@code lt} on dates only.
     */
    public boolean takes(Filter.Operator operator) {
        return switch (operator) {
            case EQ, NE -> true;
            case GE, LE -> type == Type.DATETIME || (type == Type.TEXT && ranged && filtering != Filtering.EQUALITY);
            case GT, LT -> type == Type.DATETIME;
        };
    }

    /** Whether every filter on this property, {@code eq} included, needs an advanced query. */
    public boolean needsAdvancedQuery() {
        return filtering == Filtering.ADVANCED;
    }

    /** Text without {@code ge}/{@code le}, such as {@code userType}. */
    static Property text(String name) {
        return new Property(name, Type.TEXT, false);
    }

    /** Text that also takes {@code ge} and {@code le} ({@code displayName ge 'M'}). */
    static Property rangedText(String name) {
        return new Property(name, Type.TEXT, false, Filtering.FULL, true);
    }

    /** Ranged text that {@code $orderby} may also name. */
    static Property sortableText(String name) {
        return new Property(name, Type.TEXT, true, Filtering.FULL, true);
    }

    static Property bool(String name) {
        return new Property(name, Type.BOOLEAN, false);
    }

    static Property time(String name) {
        return new Property(name, Type.DATETIME, false);
    }

    static Property sortableTime(String name) {
        return new Property(name, Type.DATETIME, true);
    }

    static Property guid(String name) {
        return new Property(name, Type.GUID, false);
    }

    static Property advancedText(String name) {
        return new Property(name, Type.TEXT, false, Filtering.ADVANCED);
    }

    /** Text that Graph filters only in advanced queries, {@code ge} and {@code le} included. */
    static Property advancedRangedText(String name) {
        return new Property(name, Type.TEXT, false, Filtering.ADVANCED, true);
    }

    static Property equality(String name) {
        return new Property(name, Type.TEXT, false, Filtering.EQUALITY);
    }
}
