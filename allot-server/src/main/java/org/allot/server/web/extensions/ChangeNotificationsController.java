package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.allot.core.notification.ChangeNotifications;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.OutboxEntry;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * What administrators see of change notifications: every subscription with its delivery state (failing, removed and
 * expired ones too), and the latest notifications with their attempts, errors and outcome.
 */
@RestController
@RequestMapping(path = "/allot/v1/changeNotifications", produces = "application/json")
public class ChangeNotificationsController {
    static final int MAX_TOP = 999;

    private final ChangeNotifications notifications;
    private final Responses responses;

    public ChangeNotificationsController(ChangeNotifications notifications, Responses responses) {
        this.notifications = notifications;
        this.responses = responses;
    }

    @GetMapping("/subscriptions")
    public ObjectNode subscriptions(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "changeNotifications/subscriptions",
                notifications.all(caller.tenant()).stream()
                        .map(s -> subscription(s, notifications.expired(s), notifications.paused(s)))
                        .toList());
    }

    /** The latest notifications, newest first ({@code $top}, 1–999, default 100), of one subscription if given. */
    @GetMapping("/deliveries")
    public ObjectNode deliveries(
            ApiCaller caller,
            @RequestParam(name = "subscriptionId", required = false) String subscriptionId,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        if (top < 1 || top > MAX_TOP) {
            throw new BadRequest("Invalid page size specified: '" + top + "'. Must be between 1 and " + MAX_TOP + ".");
        }
        UUID subscription = subscriptionId == null ? null : RequestBodies.idOrNotFound(subscriptionId);
        return responses.list(
                request,
                "changeNotifications/deliveries",
                notifications.deliveries(caller.tenant(), subscription, top).stream()
                        .map(ChangeNotificationsController::delivery)
                        .toList());
    }

    /**
     * A subscription as administrators see it; {@code paused} when its change notifications wait for a
     * reauthorization now ({@link ChangeNotifications#paused}).
     */
    static Map<String, Object> subscription(ChangeSubscription s, boolean expired, boolean paused) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id().toString());
        view.put("resource", s.resource());
        view.put("changeType", s.changeTypeText());
        view.put("notificationUrl", s.notificationUrl().toString());
        view.put(
                "lifecycleNotificationUrl",
                s.lifecycleNotificationUrl() == null
                        ? null
                        : s.lifecycleNotificationUrl().toString());
        view.put("expirationDateTime", GraphValues.time(s.expiration()));
        view.put("createdDateTime", GraphValues.time(s.created()));
        view.put("applicationId", s.applicationId());
        view.put("state", state(s, expired));
        view.put("failingSince", GraphValues.time(s.failingSince()));
        view.put("reauthorizationRequestedDateTime", GraphValues.time(s.reauthorizeRequested()));
        view.put("deliveryPaused", paused);
        return view;
    }

    private static String state(ChangeSubscription s, boolean expired) {
        if (s.state() == ChangeSubscription.State.REMOVED) {
            return "removed";
        }
        if (expired) {
            return "expired";
        }
        return s.state() == ChangeSubscription.State.FAILING ? "failing" : "active";
    }

    static Map<String, Object> delivery(OutboxEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("subscriptionId", e.subscriptionId().toString());
        view.put("changeType", e.event() == null ? null : e.event().changeType().wireName());
        view.put("resource", e.event() == null ? null : e.event().resource());
        view.put("lifecycleEvent", e.lifecycleEvent());
        view.put("createdDateTime", GraphValues.time(e.created()));
        view.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
        view.put("attempts", e.attempts());
        view.put(
                "nextAttemptDateTime",
                e.state() == OutboxEntry.State.PENDING ? GraphValues.time(e.nextAttempt()) : null);
        view.put("deliveredDateTime", GraphValues.time(e.delivered()));
        view.put("lastError", e.lastError());
        return view;
    }
}
