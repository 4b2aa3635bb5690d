package org.allot.core.notification;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a subscription may watch, and which changes it sees. Graph's directory resources: {@code users}, {@code
 * users/{id}}, {@code groups}, {@code groups/{id}} and {@code groups/{id}/members}. Allot's license assignments, under
 * {@code /allot/v1}: {@code licenseAssignments} (every assignment of the tenant), {@code users/{id}/licenseAssignments}
 * (one user's), {@code groups/{id}/licenseAssignments} (those the group gives its members) and {@code
 * subscribedSkus/{skuId}/licenseAssignments} (those of one product); {@code alerts}, the tenant's alerts raised
 * and resolved (docs/alerts.md); and {@code licenseRequests}, its license requests filed and changed
 * (docs/delegation.md). Names are taken in any case, with or without a
 * leading {@code /}.
 */
final class WatchedResources {
    private static final String ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern DIRECTORY = Pattern.compile("(users|groups)(/" + ID + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMBERS = Pattern.compile("groups/" + ID + "/members", Pattern.CASE_INSENSITIVE);
    private static final Pattern LICENSES = Pattern.compile(
            "allot/v1/(?:(users|groups|subscribedSkus)/" + ID + "/)?licenseAssignments", Pattern.CASE_INSENSITIVE);

    private static final Pattern ALERTS = Pattern.compile("allot/v1/alerts", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUESTS = Pattern.compile("allot/v1/licenseRequests", Pattern.CASE_INSENSITIVE);

    private WatchedResources() {}

    /** The resource as stored (without its leading {@code /}), if it is one a subscription may watch. */
    static Optional<String> of(String resource) {
        String name = resource == null ? "" : resource.replaceFirst("^/", "");
        if (DIRECTORY.matcher(name).matches()
                || MEMBERS.matcher(name).matches()
                || LICENSES.matcher(name).matches()
                || ALERTS.matcher(name).matches()
                || REQUESTS.matcher(name).matches()) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** Whether the resource is one of Allot's license assignments (rather than Graph's directory). */
    static boolean licenses(String resource) {
        return LICENSES.matcher(resource).matches();
    }

    /** Whether a change of this kind is one a subscription to the resource sees. */
    static boolean matches(String resource, ChangeEvent event) {
        if (REQUESTS.matcher(resource).matches() || event.kind() == ChangeEvent.Kind.LICENSE_REQUEST) {
            return REQUESTS.matcher(resource).matches() && event.kind() == ChangeEvent.Kind.LICENSE_REQUEST;
        }
        if (ALERTS.matcher(resource).matches() || event.kind() == ChangeEvent.Kind.ALERT) {
            return ALERTS.matcher(resource).matches() && event.kind() == ChangeEvent.Kind.ALERT;
        }
        if (licenses(resource)) {
            return event.kind() == ChangeEvent.Kind.LICENSE_ASSIGNMENT && matchesAssignment(resource, event);
        }
        if (event.kind() == ChangeEvent.Kind.LICENSE_ASSIGNMENT) {
            return false;
        }
        String[] path = resource.toLowerCase(Locale.ROOT).split("/");
        String collection = event.kind().collection().toLowerCase(Locale.ROOT);
        if (!path[0].equals(collection)) {
            return false;
        }
        return switch (path.length) {
            case 1 -> !event.membership();
            case 2 -> !event.membership() && path[1].equals(event.id().toString());
            default -> event.membership() && path[1].equals(event.id().toString());
        };
    }

    private static boolean matchesAssignment(String resource, ChangeEvent event) {
        Matcher m = LICENSES.matcher(resource);
        if (!m.matches()) {
            return false;
        }
        if (m.group(1) == null) {
            return true;
        }
        UUID id = UUID.fromString(m.group(2));
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "users" -> event.id().equals(id);
            case "groups" -> id.equals(event.assignment().source());
            default -> event.assignment().sku().equals(id);
        };
    }
}
