package org.allot.cli.command;

import java.util.List;
import org.allot.api.extensions.NotificationDelivery;
import org.allot.api.extensions.NotificationSubscription;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Change notifications (Graph's webhooks): the tenant's subscriptions and how their deliveries went. */
@Command(
        name = "notifications",
        aliases = "notification",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the tenant's change-notification subscriptions with their state, and the latest notifications "
                    + "with their attempts and errors, to see which deliveries fail.",
            "Apps make the subscriptions through the API (POST /v1.0/subscriptions)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot notifications list",
            "  allot notifications deliveries --failed",
            "  allot notifications deliveries --subscription 7f1c… --top 20 -o json"
        })
public final class NotificationCommands {
    static final String PATH = "/allot/v1/changeNotifications";
    private static final int MAX_TOP = 999;

    private final Context context;

    NotificationCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the subscriptions: resource, change types, notification URL, expiry, state (active, "
                        + "failing: its URL fails and since when, expired, or removed after failing too long) and "
                        + "reauthorization (authorized; requested, and since when: its change notifications wait until the "
                        + "app reauthorizes or renews it, 'requested, delivery paused')."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot notifications list", "  allot notifications list -o csv > subscriptions.csv"})
    void list() {
        Table table = Table.of(
                "id",
                "resource",
                "changeType",
                "notificationUrl",
                "state",
                "failingSince",
                "reauthorization",
                "reauthorizationRequestedDateTime",
                "expirationDateTime",
                "applicationId");
        for (NotificationSubscription s : context.api().list(PATH + "/subscriptions", NotificationSubscription.class)) {
            table.add(
                    s.id(),
                    s.resource(),
                    s.changeType(),
                    s.notificationUrl(),
                    s.state(),
                    s.failingSince(),
                    reauthorization(s),
                    s.reauthorizationRequestedDateTime(),
                    s.expirationDateTime(),
                    s.applicationId());
        }
        context.printer().print(table);
    }

    @Command(
            name = "deliveries",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the latest notifications, newest first: state (pending, delivered, failed: given up, "
                        + "dropped: its subscription ended first), attempts, the next attempt and the last error."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot notifications deliveries",
                "  allot notifications deliveries --failed",
                "  allot notifications deliveries --subscription 7f1c… --top 20"
            })
    void deliveries(
            @Option(names = "--subscription", paramLabel = "ID", description = "Only this subscription's.")
                    String subscription,
            @Option(
                            names = "--failed",
                            description = "Only notifications whose delivery failed: given up, or retrying after an"
                                    + " error.")
                    boolean failed,
            @Option(
                            names = "--top",
                            paramLabel = "N",
                            defaultValue = "100",
                            description = "How many of the latest notifications to look at, 1 to 999 (default 100).")
                    int top) {
        if (top < 1 || top > MAX_TOP) {
            throw Failure.usage("--top must be between 1 and " + MAX_TOP + ".");
        }
        Query query = Query.of(PATH + "/deliveries").with("$top", top);
        if (subscription != null) {
            query = query.with("subscriptionId", subscription.strip());
        }
        List<NotificationDelivery> deliveries;
        try {
            deliveries = context.api().list(query, NotificationDelivery.class, top);
        } catch (ApiError e) {
            throw e.status() == 404
                    ? Failure.notFound("No subscription '" + subscription + "': 'allot notifications list' lists them.")
                    : e;
        }
        Table table = Table.of(
                "id",
                "subscriptionId",
                "changeType",
                "resource",
                "lifecycleEvent",
                "createdDateTime",
                "state",
                "attempts",
                "nextAttemptDateTime",
                "deliveredDateTime",
                "lastError");
        for (NotificationDelivery d : deliveries) {
            if (failed && !failed(d)) {
                continue;
            }
            table.add(
                    d.id(),
                    d.subscriptionId(),
                    d.changeType(),
                    d.resource(),
                    d.lifecycleEvent(),
                    d.createdDateTime(),
                    d.state(),
                    d.attempts(),
                    d.nextAttemptDateTime(),
                    d.deliveredDateTime(),
                    d.lastError());
        }
        context.printer().print(table);
    }

    /** As the admin center's Notifications page shows it. */
    private static String reauthorization(NotificationSubscription s) {
        if (s.reauthorizationRequestedDateTime() == null) {
            return "authorized";
        }
        return s.deliveryPaused() ? "requested, delivery paused" : "requested";
    }

    private static boolean failed(NotificationDelivery d) {
        return d.state().equals("failed") || (d.state().equals("pending") && d.lastError() != null);
    }
}
