package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The license check (docs/license-check.md): ask for a dry run or a repair (202 with the run; 409 while the tenant has
 * one queued or running), the runs newest first, and each run's differences in the order found. Lists take
 * {@code $top} (1–999) and {@code $skip}, and link the next page.
 */
@RestController
@RequestMapping(path = "/allot/v1/reconciliation", produces = "application/json")
public class LicenseCheckController {
    static final int MAX_TOP = 999;

    private final LicenseCheck check;
    private final ProductCatalog catalog;
    private final Responses responses;

    public LicenseCheckController(LicenseCheck check, ProductCatalog catalog, Responses responses) {
        this.check = check;
        this.catalog = catalog;
        this.responses = responses;
    }

    /** {@code {"dryRun": true}} (the default) reports what differs; {@code {"dryRun": false}} also repairs it. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode start(
            ApiCaller caller,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean dryRun = dryRun(body);
        LicenseCheckRun run = Refused.orRefuse(check.request(caller.caller(), dryRun));
        response.setHeader("Location", "/allot/v1/reconciliation/runs/" + run.id());
        return runEntity(request, run);
    }

    @GetMapping("/runs")
    public ObjectNode runs(
            ApiCaller caller,
            @RequestParam(name = "$top", defaultValue = "20") int top,
            @RequestParam(name = "$skip", defaultValue = "0") int skip,
            HttpServletRequest request) {
        page(top, skip);
        List<LicenseCheckRun> runs = check.runs(caller.tenant(), skip, top + 1);
        return responses.page(
                request,
                "reconciliation/runs",
                runs.stream().limit(top).map(LicenseCheckViews::run).toList(),
                runs.size() > top ? skip + top : null);
    }

    @GetMapping("/runs/{id}")
    public ObjectNode run(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return runEntity(request, find(caller, id));
    }

    @GetMapping("/runs/{id}/differences")
    public ObjectNode differences(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            @RequestParam(name = "$skip", defaultValue = "0") int skip,
            HttpServletRequest request) {
        page(top, skip);
        LicenseCheckRun run = find(caller, id);
        Catalog products = catalog.forTenant(caller.tenant());
        var found = check.differences(caller.tenant(), run.id(), skip, top + 1);
        return responses.page(
                request,
                "reconciliation/runs('" + run.id() + "')/differences",
                found.stream()
                        .limit(top)
                        .map(d -> LicenseCheckViews.difference(d, products))
                        .toList(),
                found.size() > top ? skip + top : null);
    }

    private ObjectNode runEntity(HttpServletRequest request, LicenseCheckRun run) {
        return responses.entity(request, "reconciliation/runs/$entity", LicenseCheckViews.run(run));
    }

    private LicenseCheckRun find(ApiCaller caller, String id) {
        return RequestBodies.uuid(id)
                .map(LicenseCheckRunId::new)
                .flatMap(run -> check.run(caller.tenant(), run))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }

    /** The body: nothing (a dry run), or {@code {"dryRun": true|false}}; anything else is refused. */
    static boolean dryRun(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return true;
        }
        RequestBodies.requireObject(body);
        boolean dryRun = true;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("dryRun")) {
                throw new BadRequest("Property '" + field.getKey()
                        + "' does not exist in a request for a license check: send 'dryRun' (true or false).");
            }
            if (!field.getValue().isBoolean()) {
                throw new BadRequest("'dryRun' must be true or false.");
            }
            dryRun = field.getValue().asBoolean();
        }
        return dryRun;
    }

    private static void page(int top, int skip) {
        if (top < 1 || top > MAX_TOP || skip < 0) {
            throw new BadRequest("$top must be between 1 and " + MAX_TOP + " and $skip not negative.");
        }
    }
}
