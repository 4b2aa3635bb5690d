package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A license request ({@code /allot/v1/licenseRequests}, docs/delegation.md#license-requests).
 *
 * @param status {@code pending}, {@code approved}, {@code denied}, {@code expired} or {@code cancelled}
 * @param grantStatus for an approved request, what became of its license as it stands now: {@code granted}, {@code
 *     waitingForSeat}, {@code error}, {@code scheduled} (it starts later) or {@code removed}; null otherwise
 * @param summary where the request stands, in plain words
 * @param servicePlanIds the plans asked for; empty: the whole product
 * @param startDateTime when the license is wanted from (null: at once)
 * @param endDateTime when it is wanted until (null: no end)
 * @param managerId the user's manager when the request was filed
 * @param filedBy who filed it: {@code id}, {@code displayName}, {@code type} ({@code user}, {@code app})
 * @param decidedBy who approved, denied or cancelled it (Allot for an expired one)
 * @param onBehalfOf {@code manager} when an app decided on behalf of the user's manager
 * @param reason why it was denied, cancelled or expired
 * @param grantedThrough {@code direct} or {@code group}, for an approved request
 * @param grantedServicePlanIds the plans granted (empty: the whole product)
 * @param grantStartDateTime from when, as approved
 * @param grantEndDateTime until when, as approved (recorded; applied once time-bound grants exist)
 */
@JsonPropertyOrder({
    "id",
    "status",
    "grantStatus",
    "summary",
    "userId",
    "userPrincipalName",
    "skuId",
    "productName",
    "servicePlanIds",
    "justification",
    "startDateTime",
    "endDateTime",
    "managerId",
    "filedBy",
    "filedDateTime",
    "decidedBy",
    "decidedDateTime",
    "onBehalfOf",
    "reason",
    "grantedThrough",
    "grantGroupId",
    "grantedServicePlanIds",
    "grantStartDateTime",
    "grantEndDateTime"
})
public record LicenseRequestResource(
        String id,
        String status,
        String grantStatus,
        String summary,
        String userId,
        String userPrincipalName,
        String skuId,
        String productName,
        List<String> servicePlanIds,
        String justification,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        String managerId,
        Identity filedBy,
        OffsetDateTime filedDateTime,
        Identity decidedBy,
        OffsetDateTime decidedDateTime,
        String onBehalfOf,
        String reason,
        String grantedThrough,
        String grantGroupId,
        List<String> grantedServicePlanIds,
        OffsetDateTime grantStartDateTime,
        OffsetDateTime grantEndDateTime) {

    /** Who filed or decided: an administrator ({@code user}), an app, or Allot ({@code system}). */
    public record Identity(String id, String displayName, String type) {}
}
