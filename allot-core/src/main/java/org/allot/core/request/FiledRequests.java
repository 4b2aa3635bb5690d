package org.allot.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.UserId;

/** Port: the tenants' license requests, and how many days a tenant's requests wait before they expire. */
public interface FiledRequests {
    /** Keeps a new pending request; false (nothing kept) when one for the same user and product is pending already. */
    boolean add(LicenseRequest request);

    Optional<LicenseRequest> find(TenantId tenant, UUID id);

    /**
     * The request, held against every other decision on it until the unit of work ends (taken first, before any
     * licensing lock: nothing that holds a licensing lock waits for a request), read once held.
     */
    Optional<LicenseRequest> lock(TenantId tenant, UUID id);

    /** Writes a request's new state and decision. */
    void update(LicenseRequest request);

    /**
     * The tenant's latest requests, pending ones first (oldest first), then the others newest first; only those in
     * {@code state} and of {@code user} when given, and of the users of {@code units} when given (null: every user).
     */
    List<LicenseRequest> list(TenantId tenant, RequestState state, UserId user, java.util.Set<UUID> units, int limit);

    /** Pending requests filed before {@code time}, oldest first, at most {@code limit}. */
    List<LicenseRequest> pendingFiledBefore(TenantId tenant, Instant time, int limit);

    /** Holds the tenant's expiry step for the rest of the unit of work, so servers take turns. */
    void lockExpiry(TenantId tenant);

    /** The tenant's own number of days before a pending request expires, if it set one. */
    OptionalInt expiryDays(TenantId tenant);

    void saveExpiryDays(TenantId tenant, int days);
}
