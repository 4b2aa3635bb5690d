package org.allot.server.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a product stands for one user, as the user page shows it: each source with its state and, for an error, what
 * happened in plain words and what to do; each app with its switch.
 *
 * @param status {@code Active}, {@code Active with errors}, {@code Waiting for a seat} or {@code Not licensed}
 * @param waitingPosition the user's place in the product's waiting list, or null
 */
public record LicenseView(
        String skuId,
        String productName,
        String partNumber,
        String status,
        String statusStyle,
        List<Source> sources,
        List<App> apps,
        boolean direct,
        Integer waitingPosition) {

    /** Where one assignment comes from and how it stands. */
    public record Source(
            String label, UUID groupId, String state, String error, Problem problem, Instant pendingRemoval) {}

    /** A service plan of the product: on or off for this user, and whether it works. */
    public record App(String id, String name, boolean on, String status) {}

    /** An error in plain words, and what the administrator can do about it. */
    public record Problem(String title, String detail, String action) {}

    public long appsOn() {
        return apps.stream().filter(App::on).count();
    }
}
