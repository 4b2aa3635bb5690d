package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * An alert ({@code /allot/v1/alerts}, docs/alerts.md): raised once when its condition started, resolved when it ended.
 *
 * @param kind {@code freeSeatsLow}, {@code waitingListLong}, {@code subscriptionExpiring}, {@code
 *     subscriptionExpired} (Warning) or {@code subscriptionSuspended}
 * @param status {@code open} or {@code resolved}
 * @param subscriptionId the subscription it is about, null when it is about a product
 * @param figure when raised: available seats, waiting users, or the subscription's seats
 * @param threshold the rule's threshold when raised (expiring: days ahead; lapsed: 0)
 * @param dueDateTime the subscription's end date (expiring), or when it moves on (expired, suspended)
 * @param summary what happened, in plain words
 * @param nextStep what to do about it
 */
@JsonPropertyOrder({
    "id",
    "kind",
    "status",
    "skuId",
    "productName",
    "subscriptionId",
    "figure",
    "threshold",
    "dueDateTime",
    "raisedDateTime",
    "resolvedDateTime",
    "summary",
    "nextStep"
})
public record AlertResource(
        String id,
        String kind,
        String status,
        String skuId,
        String productName,
        String subscriptionId,
        int figure,
        int threshold,
        OffsetDateTime dueDateTime,
        OffsetDateTime raisedDateTime,
        OffsetDateTime resolvedDateTime,
        String summary,
        String nextStep) {}
