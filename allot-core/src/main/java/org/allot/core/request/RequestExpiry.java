package org.allot.core.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.TenantRounds;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.notification.ChangeType;

/**
 * The scheduled step that lets pending requests expire once they waited the tenant's days ({@link
 * RequestBook#expiryDays}, 14 unless set). Idempotent and safe on every server at once: a tenant's step holds the
 * tenant's expiry lock, and each request is expired under its own lock only if still pending, so a request decided
 * meanwhile stays decided and none expires twice.
 */
public final class RequestExpiry {
    /** Who lets requests expire, in audit records and on the request. */
    public static final Actor ACTOR = Actor.system("license requests");

    /** The most requests one tenant's step expires; the rest wait for the next run. */
    static final int BATCH = 1000;

    private final Transactions transactions;
    private final RequestPorts ports;
    private final RequestNotices notices;
    private final Clock clock;

    public RequestExpiry(Transactions transactions, RequestPorts ports, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.ports = Objects.requireNonNull(ports);
        this.notices = ports.notices();
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Expires what is due in every tenant, each in its own unit of work; a tenant that fails is left for the next run
     * and the others have their turn ({@link TenantRounds}). Returns how many requests expired.
     */
    public int expireAll() {
        return TenantRounds.sum(transactions.read(() -> ports.tenants().all()), t -> expire(t.id()));
    }

    /** Expires the tenant's pending requests older than its days; returns how many. */
    public int expire(TenantId tenant) {
        return transactions.run(() -> {
            ports.requests().lockExpiry(tenant);
            Instant now = clock.instant();
            int days = ports.requests().expiryDays(tenant).orElse(RequestBook.DEFAULT_EXPIRY_DAYS);
            List<LicenseRequest> due =
                    ports.requests().pendingFiledBefore(tenant, now.minus(Duration.ofDays(days)), BATCH);
            Caller caller = Caller.of(tenant, ACTOR);
            int expired = 0;
            for (LicenseRequest candidate : due) {
                LicenseRequest request =
                        ports.requests().lock(tenant, candidate.id()).orElse(null);
                if (request == null || !request.pending()) {
                    continue;
                }
                LicenseRequest after = request.decided(
                        RequestState.EXPIRED,
                        new LicenseRequest.Decision(
                                ACTOR, false, now, "nobody decided within " + days + " days", null));
                ports.requests().update(after);
                ports.audit()
                        .append(RequestChecks.auditEvent(
                                caller,
                                Activity.EXPIRE_LICENSE_REQUEST,
                                after,
                                RequestChecks.stateChange(request, after),
                                now));
                notices.queue(tenant, request.id(), ChangeType.UPDATED, now);
                expired++;
            }
            return expired;
        });
    }
}
