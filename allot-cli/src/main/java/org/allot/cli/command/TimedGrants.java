package org.allot.cli.command;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.allot.api.extensions.TimedLicense;
import org.allot.api.extensions.TimedLicenseRequest;
import org.allot.api.extensions.TimedMember;
import org.allot.api.extensions.TimedMemberRequest;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * Time-bound grants from the command line (docs/delegation.md): licenses and memberships with a start and an end,
 * through {@code /allot/v1/users/{id}/timedLicenses} and {@code /allot/v1/groups/{id}/timedMembers}.
 */
final class TimedGrants {
    /** {@code --start} and {@code --end}, as {@code license assign} and {@code group members add} take them. */
    static final class Times {
        @Option(
                names = "--start",
                paramLabel = "DATE",
                description = "Assign from this date or time (2027-06-01, 2027-06-01T08:00:00Z); nothing is assigned"
                        + " before.")
        String start;

        @Option(
                names = "--end",
                paramLabel = "DATE",
                description = "Remove it at this date or time, on its own (the removal grace and the waiting list"
                        + " apply).")
        String end;

        boolean given() {
            return start != null || end != null;
        }

        OffsetDateTime startTime() {
            return Dates.parse("--start", start);
        }

        OffsetDateTime endTime() {
            return Dates.parse("--end", end);
        }
    }

    private final Context context;

    TimedGrants(Context context) {
        this.context = context;
    }

    /** Each license for the time given, then the user's time-bound licenses. */
    void assign(String user, List<AssignedLicenseResource> licenses, Times times) {
        for (AssignedLicenseResource l : licenses) {
            List<String> off = new ArrayList<>();
            (l.disabledPlans() == null ? List.<UUID>of() : l.disabledPlans()).forEach(p -> off.add(p.toString()));
            userRequest(user, () -> context.api()
                    .post(
                            Query.path("/allot/v1/users", user, "timedLicenses"),
                            new TimedLicenseRequest(l.skuId().toString(), off, times.startTime(), times.endTime())));
        }
        licenses(user);
    }

    void licenses(String user) {
        Table table = Table.of("skuPartNumber", "status", "start", "end", "disabledPlans", "setBy");
        List<TimedLicense> listed = userRequest(user, () -> context.api()
                .list(Query.path("/allot/v1/users", user, "timedLicenses"), TimedLicense.class));
        for (TimedLicense l : listed) {
            table.add(
                    l.skuPartNumber(),
                    l.status(),
                    l.startDateTime(),
                    l.endDateTime(),
                    Licenses.planNames(context.directory().products(), l.skuId(), l.disabledPlans()),
                    l.setBy());
        }
        context.printer().print(table);
    }

    /** A new end (or none: {@code never}), or the grant cancelled. */
    void endLicense(String user, String sku, String at, boolean cancel) {
        if (cancel == (at != null)) {
            throw Failure.usage("Give --at DATE (or --at never), or --cancel.");
        }
        String skuId = context.directory().products().find(sku).skuId().toString();
        Object path = Query.path("/allot/v1/users", user, "timedLicenses", skuId);
        if (cancel) {
            context.api().delete(path);
            context.note("Time-bound " + sku + " of " + user + " cancelled.");
        } else {
            context.api().patch(path, endBody(at));
        }
        licenses(user);
    }

    /** The group's time-bound members. */
    void members(String groupId) {
        Table table = Table.of("userPrincipalName", "status", "start", "end", "setBy");
        for (TimedMember m :
                context.api().list(Query.path("/allot/v1/groups", groupId, "timedMembers"), TimedMember.class)) {
            table.add(m.userPrincipalName(), m.status(), m.startDateTime(), m.endDateTime(), m.setBy());
        }
        context.printer().print(table);
    }

    /** Adds a user to the group for the time given. */
    void addMember(Api api, String groupId, String userId, Times times) {
        api.post(
                Query.path("/allot/v1/groups", groupId, "timedMembers"),
                new TimedMemberRequest(userId, times.startTime(), times.endTime()));
    }

    private static ObjectNode endBody(String at) {
        ObjectNode body = Api.json().createObjectNode();
        if (at.strip().toLowerCase(Locale.ROOT).equals("never")) {
            body.putNull("endDateTime");
        } else {
            body.put("endDateTime", Dates.parse("--at", at).toString());
        }
        return body;
    }

    /** A request about the user named: a user the server does not know is said so. */
    private static <T> T userRequest(String user, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiError e) {
            throw e.status() == 404 && e.code().equals("Request_ResourceNotFound")
                    ? Failure.notFound("No user '" + user + "'.")
                    : e;
        }
    }
}
