package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.core.query.Query;

/** The searches and filters of the user list, as filters the database answers from its indexes. */
public final class UserFilters {
    static final Query.Order ORDER = DirectorySearch.USERS_BY_NAME;
    static final int MAX_SEARCH = 256;

    /** The views of the user list. */
    public enum Show {
        ALL("All users"),
        LICENSED("Licensed"),
        UNLICENSED("Unlicensed"),
        ERRORS("With license errors"),
        SYNCED("Synced from on-premises"),
        CLOUD("Cloud only"),
        GUESTS("Guests"),
        NO_LOCATION("Without usage location"),
        WAITING("Waiting for a seat");

        private final String label;

        Show(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Show parse(String value) {
            for (Show show : values()) {
                if (show.key().equalsIgnoreCase(value)) {
                    return show;
                }
            }
            throw new AdminPages.BadInput("Unknown user filter " + value + ".");
        }
    }

    private UserFilters() {}

    /**
     * Users whose name, sign-in name or mail starts with the search (a search that starts with {@code @}: whose
     * sign-in name or mail ends with it, the users of a domain) and who are in every chosen view; with a product
     * (its SKU id; null: any), who hold it — or, with the views of errors or waiting users, whose error or wait is
     * for it. Null for all users.
     */
    static Filter of(String search, List<Show> shows, UUID product) {
        if (search.length() > MAX_SEARCH) {
            throw new AdminPages.BadInput("Search for at most " + MAX_SEARCH + " characters.");
        }
        List<Filter> parts = new ArrayList<>();
        if (search.length() > 1 && search.startsWith("@")) {
            String domain = search.toLowerCase(Locale.ROOT);
            parts.add(new Filter.Or(List.of(
                    new Filter.EndsWith(property("userPrincipalName"), domain),
                    new Filter.EndsWith(property("mail"), domain))));
        } else if (!search.isEmpty()) {
            String prefix = search.toLowerCase(Locale.ROOT);
            parts.add(new Filter.Or(List.of(
                    new Filter.StartsWith(property("displayName"), prefix),
                    new Filter.StartsWith(property("userPrincipalName"), prefix),
                    new Filter.StartsWith(property("mail"), prefix))));
        }
        boolean productByState = product != null && (shows.contains(Show.ERRORS) || shows.contains(Show.WAITING));
        if (product != null && !productByState) {
            parts.add(new Filter.HasLicense(product));
        }
        for (Show show : new LinkedHashSet<>(shows)) {
            switch (show) {
                case ALL -> {}
                case LICENSED -> parts.add(new Filter.HasAnyLicense());
                case UNLICENSED -> parts.add(new Filter.Not(new Filter.HasAnyLicense()));
                case ERRORS ->
                    parts.add(
                            product == null
                                    ? new Filter.HasLicenseErrors()
                                    : new Filter.LicenseProblem(product, false));
                case WAITING -> parts.add(new Filter.LicenseProblem(product, true));
                case SYNCED ->
                    parts.add(new Filter.Compare(property("onPremisesSyncEnabled"), Filter.Operator.EQ, true));
                case CLOUD ->
                    parts.add(new Filter.Compare(property("onPremisesSyncEnabled"), Filter.Operator.EQ, null));
                case GUESTS -> parts.add(new Filter.Compare(property("userType"), Filter.Operator.EQ, "Guest"));
                case NO_LOCATION -> parts.add(new Filter.Compare(property("usageLocation"), Filter.Operator.EQ, null));
            }
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    /** The views named in a request (none: all users). */
    static List<Show> shows(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .filter(v -> !v.isBlank())
                .map(Show::parse)
                .filter(show -> show != Show.ALL)
                .distinct()
                .toList();
    }

    static Property property(String name) {
        return Entity.USER.property(name).orElseThrow();
    }
}
