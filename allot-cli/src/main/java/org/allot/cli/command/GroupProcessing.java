package org.allot.cli.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.allot.api.extensions.GroupLicenseProcessing;
import org.allot.api.graph.GroupResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.Item;
import org.allot.cli.process.Failure;

/** Waits for a group's licenses to be applied to its members, and tells how it stands. */
final class GroupProcessing {
    static final String COMPLETE = "ProcessingComplete";

    private final Context context;

    GroupProcessing(Context context) {
        this.context = context;
    }

    /** Polls the group until its licenseProcessingState is ProcessingComplete; returns it then. */
    GroupResource await(GroupResource group, Duration timeout, Boolean progress) {
        return Polling.until(
                context,
                "Applying " + group.displayName(),
                progress,
                timeout,
                group,
                () -> context.api()
                        .get(
                                Query.of(Query.path("/v1.0/groups", group.id()))
                                        .with("$select", Directory.GROUP_LICENSES),
                                GroupResource.class),
                g -> COMPLETE.equals(GroupCommands.state(g)),
                this::progress,
                g -> group.displayName() + " is still " + GroupCommands.state(g) + " after " + timeout
                        + ": 'allot group status " + group.id() + " --wait' waits again.");
    }

    /**
     * What the progress indicator shows: the state and, while a background run is queued or under way, the users it
     * has processed so far and how many of them are in error (the server's counts).
     */
    private String progress(GroupResource group) {
        String state = GroupCommands.state(group);
        if (COMPLETE.equals(state)) {
            return state;
        }
        return progress(context.api()
                .get(Query.path("/allot/v1/groups", group.id(), "licenseProcessing"), GroupLicenseProcessing.class));
    }

    /** {@code ProcessingInProgress: 4,000 users processed, 3,990 licensed, 10 in error}. */
    static String progress(GroupLicenseProcessing processing) {
        String state = processing.licenseProcessingState();
        if (processing.usersProcessed() == null) {
            return state;
        }
        return String.format(
                Locale.ROOT,
                "%s: %,d users processed, %,d licensed, %,d in error",
                state,
                processing.usersProcessed(),
                processing.succeeded(),
                processing.failed());
    }

    Item status(GroupResource group) {
        return Item.of()
                .put("id", group.id())
                .put("displayName", group.displayName())
                .put(
                        "licenses",
                        Licenses.names(
                                group.assignedLicenses(), context.directory().products()))
                .put("licenseProcessingState", GroupCommands.state(group))
                .put("membersInError", membersInError(context.api(), group.id()));
    }

    static long membersInError(Api api, String groupId) {
        return api.get(Query.of(Query.path("/v1.0/groups", groupId, "membersWithLicenseErrors"))
                        .with("$count", "true")
                        .with("$top", 1)
                        .with("$select", "id"))
                .path("@odata.count")
                .asLong(0);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or an ISO-8601 duration such as {@code PT10M}. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+[smh]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw Failure.usage("'" + text + "' is not a duration: give e.g. 90s, 10m or 1h.");
        }
    }
}
