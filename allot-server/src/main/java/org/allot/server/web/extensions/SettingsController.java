package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.api.extensions.TenantSettings;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.Tenants;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The tenant's settings: name, default usage location, guest and nested-group licensing, retention, sync threshold. */
@RestController
@RequestMapping(path = "/allot/v1/settings", produces = "application/json")
public class SettingsController {
    private final UnitOfWork work;
    private final Tenants tenants;
    private final TenantDirectory directory;
    private final Responses responses;

    public SettingsController(UnitOfWork work, Tenants tenants, TenantDirectory directory, Responses responses) {
        this.work = work;
        this.tenants = tenants;
        this.directory = directory;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode get(ApiCaller caller, HttpServletRequest request) {
        return responses.entity(request, "settings", view(work.read(() -> tenant(caller))));
    }

    @PatchMapping
    public ObjectNode update(ApiCaller caller, @RequestBody TenantSettings body, HttpServletRequest request) {
        if (body.id() != null) {
            throw new BadRequest("Property 'id' is read-only and cannot be set.");
        }
        Tenant updated = Refused.orRefuse(work.run(() -> {
            Tenant tenant = tenant(caller);
            Outcome<Tenant> outcome = Outcome.done(tenant);
            if (body.displayName() != null) {
                outcome = directory.rename(caller.caller(), body.displayName());
            }
            if (outcome.isDone() && body.defaultUsageLocation() != null) {
                outcome = directory.setDefaultUsageLocation(caller.caller(), body.defaultUsageLocation());
            }
            if (outcome.isDone()
                    && (body.guestLicensing() != null
                            || body.nestedGroupLicensing() != null
                            || body.softDeleteRetentionDays() != null
                            || body.syncDeleteThreshold() != null)) {
                outcome = policy(caller, body, outcome.value().policy());
            }
            return outcome;
        }));
        return responses.entity(request, "settings", view(updated));
    }

    private Outcome<Tenant> policy(ApiCaller caller, TenantSettings body, TenantPolicy current) {
        GuestLicensing guests = current.guestLicensing();
        if (body.guestLicensing() != null) {
            try {
                guests = GuestLicensing.valueOf(body.guestLicensing().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Outcome.refused(Rejection.invalid("'guestLicensing' must be BLOCK or ALLOW."));
            }
        }
        int retention = body.softDeleteRetentionDays() == null
                ? current.softDeleteRetentionDays()
                : body.softDeleteRetentionDays();
        int threshold = body.syncDeleteThreshold() == null ? current.syncDeleteThreshold() : body.syncDeleteThreshold();
        if (retention < 1 || retention > 365) {
            return Outcome.refused(Rejection.invalid("'softDeleteRetentionDays' must be between 1 and 365."));
        }
        if (threshold < 0) {
            return Outcome.refused(Rejection.invalid("'syncDeleteThreshold' must not be negative."));
        }
        return directory.setPolicy(
                caller.caller(),
                new TenantPolicy(
                        guests,
                        body.nestedGroupLicensing() == null
                                ? current.nestedGroupLicensing()
                                : body.nestedGroupLicensing(),
                        retention,
                        threshold));
    }

    private Tenant tenant(ApiCaller caller) {
        return tenants.find(caller.tenant()).orElseThrow(() -> new Refused(Rejection.notFound(caller.tenant())));
    }

    private static TenantSettings view(Tenant t) {
        return new TenantSettings(
                t.id().toString(),
                t.name(),
                t.defaultUsageLocation() == null
                        ? null
                        : t.defaultUsageLocation().code(),
                t.policy().guestLicensing().name(),
                t.policy().nestedGroupLicensing(),
                t.policy().softDeleteRetentionDays(),
                t.policy().syncDeleteThreshold());
    }
}
