package org.allot.server.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.allot.core.notification.ChangeNotifications;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.OutboxEntry;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Change notifications as administrators see them: the tenant's subscriptions (apps' webhooks, to the directory or to
 * license assignments) with their delivery and reauthorization state, and the latest notifications with their
 * attempts, last error and outcome.
 */
@Controller
public class NotificationsPage {
    static final int DELIVERIES = 50;

    private final ChangeNotifications notifications;

    public NotificationsPage(ChangeNotifications notifications) {
        this.notifications = notifications;
    }

    /**
     * A subscription's row; {@code state} is active, failing, removed or expired; {@code licenses} when it watches
     * license assignments (not the directory); {@code reauthorizationRequested} when it was asked to reauthorize and
     * has not answered: its change notifications wait meanwhile ({@code paused}, unless it expired or was removed).
     */
    public record SubscriptionRow(
            String id,
            String resource,
            boolean licenses,
            String changeType,
            String notificationUrl,
            Instant expiration,
            String state,
            Instant failingSince,
            Instant reauthorizationRequested,
            boolean paused) {}

    /** A notification's row: what it reports ({@code what}), its state, attempts and last error. */
    public record DeliveryRow(
            long id,
            String subscriptionId,
            String what,
            Instant created,
            String state,
            int attempts,
            Instant delivered,
            String lastError) {}

    @GetMapping("/notifications")
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        model.addAttribute(
                "subscriptions",
                notifications.all(admin.tenant()).stream().map(this::row).toList());
        List<DeliveryRow> deliveries = notifications.deliveries(admin.tenant(), null, DELIVERIES).stream()
                .map(NotificationsPage::row)
                .toList();
        model.addAttribute("deliveries", deliveries);
        return "notifications";
    }

    private SubscriptionRow row(ChangeSubscription s) {
        String state = s.state() == ChangeSubscription.State.REMOVED
                ? "removed"
                : notifications.expired(s) ? "expired" : s.state().name().toLowerCase(Locale.ROOT);
        return new SubscriptionRow(
                s.id().toString(),
                s.resource(),
                s.watchesLicenses(),
                s.changeTypeText(),
                s.notificationUrl().toString(),
                s.expiration(),
                state,
                s.failingSince(),
                s.reauthorizeRequested(),
                notifications.paused(s));
    }

    private static DeliveryRow row(OutboxEntry e) {
        String what = e.isLifecycle()
                ? e.lifecycleEvent()
                : e.event().changeType().wireName() + " " + e.event().resource();
        return new DeliveryRow(
                e.id(),
                e.subscriptionId().toString(),
                what,
                e.created(),
                e.state().name().toLowerCase(Locale.ROOT),
                e.attempts(),
                e.delivered(),
                e.lastError());
    }
}
