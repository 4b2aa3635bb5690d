package org.allot.core.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.TenantId;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * A request for a license for one user.
 *
 * @param plans the plans asked for; empty: the whole product
 * @param wantedStart when the license is wanted from (null: at once)
 * @param wantedEnd when it is wanted until (null: no end)
 * @param manager the user's manager when the request was filed, null if it had none
 * @param decision who approved, denied, cancelled or let it expire, and when; null while pending
 */
public record LicenseRequest(
        UUID id,
        TenantId tenant,
        UserId user,
        String userPrincipalName,
        SkuId sku,
        String productName,
        Set<ServicePlanId> plans,
        String justification,
        Instant wantedStart,
        Instant wantedEnd,
        Actor filedBy,
        Instant filedAt,
        UserId manager,
        RequestState state,
        Decision decision) {

    public LicenseRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sku, "sku");
        plans = Set.copyOf(plans);
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(filedAt, "filedAt");
        Objects.requireNonNull(state, "state");
        if ((state == RequestState.PENDING) != (decision == null)) {
            throw new IllegalArgumentException("a request is pending until it has a decision");
        }
        if ((state == RequestState.APPROVED) != (decision != null && decision.grant() != null)) {
            throw new IllegalArgumentException("an approved request, and only it, grants a license");
        }
    }

    /**
     * How a request left {@code pending}.
     *
     * @param by who decided (for an expired request, Allot)
     * @param onBehalfOfManager an app decided on behalf of the user's manager
     * @param reason why it was denied, cancelled or expired (null if none given)
     * @param grant what was granted, for an approved request
     */
    public record Decision(Actor by, boolean onBehalfOfManager, Instant at, String reason, Grant grant) {
        public Decision {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * What an approval granted.
     *
     * @param group the group the user was made a member of; null: a direct assignment
     * @param plans the plans granted (empty: the whole product); for a direct assignment the others are disabled
     * @param start from when, as approved (null: at once)
     * @param end until when, as approved (null: no end)
     */
    public record Grant(GroupId group, Set<ServicePlanId> plans, Instant start, Instant end) {
        public Grant {
            plans = Set.copyOf(plans);
        }

        public boolean direct() {
            return group == null;
        }
    }

    public boolean pending() {
        return state == RequestState.PENDING;
    }

    /** This request as it left {@code pending}. */
    public LicenseRequest decided(RequestState newState, Decision newDecision) {
        return new LicenseRequest(
                id,
                tenant,
                user,
                userPrincipalName,
                sku,
                productName,
                plans,
                justification,
                wantedStart,
                wantedEnd,
                filedBy,
                filedAt,
                manager,
                newState,
                newDecision);
    }
}
