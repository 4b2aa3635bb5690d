package org.allot.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.UserId;
import org.allot.core.request.FiledRequests;
import org.allot.core.request.LicenseRequest;
import org.allot.core.request.RequestState;

/** License requests in memory; each call is atomic, so locks are nothing. */
public final class InMemoryFiledRequests implements FiledRequests {
    private final Map<UUID, LicenseRequest> byId = new LinkedHashMap<>();
    private final Map<TenantId, Integer> days = new HashMap<>();
    private final org.allot.core.directory.UnitMemberships memberships;

    /** Requests whose users belong to no administrative unit. */
    public InMemoryFiledRequests() {
        this((tenant, member) -> java.util.Set.of());
    }

    /** Requests whose users belong to the units these memberships say. */
    public InMemoryFiledRequests(org.allot.core.directory.UnitMemberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public synchronized boolean add(LicenseRequest request) {
        boolean pending = byId.values().stream()
                .anyMatch(r -> r.tenant().equals(request.tenant())
                        && r.pending()
                        && r.user().equals(request.user())
                        && r.sku().equals(request.sku()));
        if (pending) {
            return false;
        }
        byId.put(request.id(), request);
        return true;
    }

    @Override
    public synchronized Optional<LicenseRequest> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(r -> r.tenant().equals(tenant));
    }

    @Override
    public Optional<LicenseRequest> lock(TenantId tenant, UUID id) {
        return find(tenant, id);
    }

    @Override
    public synchronized void update(LicenseRequest request) {
        byId.put(request.id(), request);
    }

    @Override
    public synchronized List<LicenseRequest> list(
            TenantId tenant, RequestState state, UserId user, java.util.Set<UUID> units, int limit) {
        return byId.values().stream()
                .filter(r -> r.tenant().equals(tenant))
                .filter(r -> units == null
                        || memberships.unitsOf(tenant, r.user().value()).stream()
                                .anyMatch(units::contains))
                .filter(r -> state == null || r.state() == state)
                .filter(r -> user == null || r.user().equals(user))
                .sorted((a, b) -> a.pending() != b.pending()
                        ? (a.pending() ? -1 : 1)
                        : a.pending()
                                ? a.filedAt().compareTo(b.filedAt())
                                : b.filedAt().compareTo(a.filedAt()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<LicenseRequest> pendingFiledBefore(TenantId tenant, Instant time, int limit) {
        return byId.values().stream()
                .filter(r ->
                        r.tenant().equals(tenant) && r.pending() && r.filedAt().isBefore(time))
                .sorted(Comparator.comparing(LicenseRequest::filedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public void lockExpiry(TenantId tenant) {}

    @Override
    public synchronized OptionalInt expiryDays(TenantId tenant) {
        Integer d = days.get(tenant);
        return d == null ? OptionalInt.empty() : OptionalInt.of(d);
    }

    @Override
    public synchronized void saveExpiryDays(TenantId tenant, int value) {
        days.put(tenant, value);
    }
}
