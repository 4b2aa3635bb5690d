package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.api.extensions.TenantSettings;
import org.allot.core.Rejection;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantChange;
import org.allot.core.directory.TenantDirectory;
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
    private final TenantDirectory directory;
    private final Responses responses;

    public SettingsController(TenantDirectory directory, Responses responses) {
        this.directory = directory;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode get(ApiCaller caller, HttpServletRequest request) {
        Tenant tenant =
                directory.find(caller.tenant()).orElseThrow(() -> new Refused(Rejection.notFound(caller.tenant())));
        return responses.entity(request, "settings", view(tenant));
    }

    @PatchMapping
    public ObjectNode update(ApiCaller caller, @RequestBody TenantSettings body, HttpServletRequest request) {
        if (body.id() != null) {
            throw new BadRequest("Property 'id' is read-only and cannot be set.");
        }
        Tenant updated = Refused.orRefuse(directory.change(
                caller.caller(),
                new TenantChange(
                        body.displayName(),
                        body.defaultUsageLocation(),
                        body.guestLicensing(),
                        body.nestedGroupLicensing(),
                        body.softDeleteRetentionDays(),
                        body.syncDeleteThreshold(),
                        body.syncLicenseLossThreshold())));
        return responses.entity(request, "settings", view(updated));
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
                t.policy().syncDeleteThreshold(),
                t.policy().syncLicenseLossThreshold());
    }
}
