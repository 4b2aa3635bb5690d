package org.allot.server.web.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.allot.core.audit.Activity;
import org.allot.core.query.Entity;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;

/**
 * The audit log's filters as the page's form sends them: who (name or id, from its start), which activity, which
 * target (name from its start, or id), and from/to dates (UTC, both days included).
 */
public record AuditFilters(String actor, String activity, String target, String from, String to) {
    static final int MAX_TEXT = 256;

    public AuditFilters {
        actor = actor == null ? "" : actor.strip();
        activity = activity == null ? "" : activity.strip();
        target = target == null ? "" : target.strip();
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
    }

    /** What is wrong with the filters, in words for the form; null when they are fine. */
    public String problem() {
        if (actor.length() > MAX_TEXT || target.length() > MAX_TEXT) {
            return "Search for at most " + MAX_TEXT + " characters.";
        }
        if (!activity.isEmpty()
                && java.util.Arrays.stream(Activity.values())
                        .noneMatch(a -> a.displayName().equals(activity))) {
            return "Choose an activity from the list.";
        }
        try {
            Instant start = day(from);
            Instant end = day(to);
            if (start != null && end != null && end.isBefore(start)) {
                return "The end date is before the start date.";
            }
        } catch (DateTimeParseException e) {
            return "Enter dates as YYYY-MM-DD.";
        }
        return null;
    }

    /** The users whose display name starts with the target text, as a filter of users (none without a target). */
    Filter targetUsers() {
        return target.isEmpty()
                ? null
                : new Filter.StartsWith(
                        org.allot.core.query.Entity.USER.property("displayName").orElseThrow(),
                        target.toLowerCase(Locale.ROOT));
    }

    /** The filter for the database; call only when {@link #problem()} is null. */
    Filter toFilter() {
        return toFilter(List.of());
    }

    /**
     * The filter for the database, the target also matching the users with these ids (those whose display name
     * starts with the target text: a user's target is recorded by sign-in name). Call only when {@link #problem()}
     * is null.
     */
    Filter toFilter(List<String> namedUsers) {
        List<Filter> parts = new ArrayList<>();
        if (!actor.isEmpty()) {
            String prefix = actor.toLowerCase(Locale.ROOT);
            parts.add(new Filter.Or(List.of(
                    new Filter.StartsWith(p("initiatedBy/user/displayName"), prefix),
                    new Filter.StartsWith(p("initiatedBy/user/userPrincipalName"), prefix),
                    new Filter.StartsWith(p("initiatedBy/app/displayName"), prefix),
                    new Filter.StartsWith(p("initiatedBy/app/appId"), prefix))));
        }
        if (!activity.isEmpty()) {
            parts.add(new Filter.Compare(p("activityDisplayName"), Filter.Operator.EQ, activity));
        }
        if (!target.isEmpty()) {
            String prefix = target.toLowerCase(Locale.ROOT);
            List<Filter> any = new ArrayList<>();
            any.add(new Filter.StartsWith(p("targetResources/any/displayName"), prefix));
            any.add(new Filter.Compare(p("targetResources/any/id"), Filter.Operator.EQ, prefix));
            namedUsers.forEach(id -> any.add(new Filter.Compare(p("targetResources/any/id"), Filter.Operator.EQ, id)));
            parts.add(new Filter.Or(any));
        }
        Instant start = day(from);
        if (start != null) {
            parts.add(new Filter.Compare(p("activityDateTime"), Filter.Operator.GE, start));
        }
        Instant end = day(to);
        if (end != null) {
            parts.add(new Filter.Compare(p("activityDateTime"), Filter.Operator.LT, end.plusSeconds(86_400)));
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    /** The filters as a query string, for page links and the CSV export. */
    public String query() {
        return param("actor", actor)
                + param("activity", activity)
                + param("target", target)
                + param("from", from)
                + param("to", to);
    }

    /** The filters as a query string without a leading {@code &}. */
    public String link() {
        String query = query();
        return query.isEmpty() ? "" : query.substring(1);
    }

    private static String param(String name, String value) {
        return value.isEmpty()
                ? ""
                : "&" + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Instant day(String value) {
        return value.isEmpty()
                ? null
                : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Property p(String name) {
        return Entity.AUDIT.property(name).orElseThrow();
    }
}
