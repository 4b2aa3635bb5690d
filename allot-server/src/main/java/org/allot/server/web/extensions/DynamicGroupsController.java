package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.allot.api.extensions.MembershipRulePreview;
import org.allot.api.extensions.MembershipRuleProcessing;
import org.allot.api.extensions.MembershipRuleRequest;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.rules.RulePreview;
import org.allot.core.rules.RuleProcessing;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GroupResources;
import org.allot.server.web.graph.Refused;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Dynamic groups beyond Graph: previewing a membership rule (for an existing group or one not created yet) with its
 * joiners, leavers and seat impact, and recomputing a group's membership on demand. Creating dynamic groups and
 * changing their rules is Graph's {@code /v1.0/groups}.
 */
@RestController
@RequestMapping(path = "/allot/v1/groups", produces = "application/json")
public class DynamicGroupsController {
    private final MembershipPreview preview;
    private final DynamicMembership membership;
    private final RuleProcessing processing;
    private final LicensedDirectory reads;
    private final ProductCatalog catalog;
    private final Responses responses;

    public DynamicGroupsController(
            MembershipPreview preview,
            DynamicMembership membership,
            RuleProcessing processing,
            LicensedDirectory reads,
            ProductCatalog catalog,
            Responses responses) {
        this.preview = preview;
        this.membership = membership;
        this.processing = processing;
        this.reads = reads;
        this.catalog = catalog;
        this.responses = responses;
    }

    /** What a rule would select for a group not created yet; {@code $top} users per list (1–999, default 10). */
    @PostMapping("/membershipRulePreview")
    public ObjectNode previewForNewGroup(
            ApiCaller caller,
            @RequestBody MembershipRuleRequest body,
            @RequestParam(name = "$top", defaultValue = "10") int top,
            HttpServletRequest request) {
        return preview(caller, null, body, top, request);
    }

    /** What a rule would change for an existing group, without saving it. */
    @PostMapping("/{id}/membershipRulePreview")
    public ObjectNode previewForGroup(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody MembershipRuleRequest body,
            @RequestParam(name = "$top", defaultValue = "10") int top,
            HttpServletRequest request) {
        return preview(caller, LicensingController.group(id), body, top, request);
    }

    /** Applies the group's rule to every user again; 202 with the group, whose processing state tells progress. */
    @PostMapping("/{id}/recomputeMembership")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode recompute(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        GroupId groupId = LicensingController.group(id);
        Refused.orRefuse(membership.recompute(caller.caller(), groupId));
        LicensedGroup group =
                reads.group(caller.tenant(), groupId, true).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "groups/$entity", GroupResources.group(group));
    }

    /** How applying the group's rule stands: Queued, Running, Complete or Failed, with counts. */
    @GetMapping("/{id}/membershipRuleProcessing")
    public ObjectNode processing(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        GroupId groupId = LicensingController.group(id);
        RuleProcessing.State state =
                processing.of(caller.tenant(), groupId).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        Group group = state.group();
        if (!group.isDynamic()) {
            throw new BadRequest("The group " + group.displayName() + " is not a dynamic group.");
        }
        MembershipRuleProcessing body = state.latest()
                .map(run -> new MembershipRuleProcessing(
                        id,
                        group.membershipRuleProcessingState(),
                        run.status(),
                        run.usersProcessed(),
                        run.joined(),
                        run.left(),
                        utc(run.startedAt()),
                        utc(run.finishedAt())))
                .orElse(new MembershipRuleProcessing(
                        id, group.membershipRuleProcessingState(), "Complete", null, null, null, null, null));
        return responses.entity(request, "membershipRuleProcessing", body);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private ObjectNode preview(
            ApiCaller caller, GroupId group, MembershipRuleRequest body, int top, HttpServletRequest request) {
        if (body == null
                || body.membershipRule() == null
                || body.membershipRule().isBlank()) {
            throw new BadRequest("Send 'membershipRule' with the rule to preview.");
        }
        if (top < 1 || top > MembershipPreview.MAX_PAGE) {
            throw new BadRequest("$top must be between 1 and " + MembershipPreview.MAX_PAGE + ".");
        }
        RulePreview result = Refused.orRefuse(preview.preview(caller.caller(), group, body.membershipRule(), top));
        Catalog products = catalog.forTenant(caller.tenant());
        List<MembershipRulePreview.License> licenses = result.seats().stream()
                .map(s -> new MembershipRulePreview.License(
                        s.sku().value(),
                        products.find(s.sku()).map(Product::skuPartNumber).orElse(null),
                        s.newSeats(),
                        s.available(),
                        s.waiting(),
                        s.freedByLeavers(),
                        s.wouldWait(),
                        s.losing(),
                        people(s.firstLosing())))
                .toList();
        return responses.entity(
                request,
                "membershipRulePreview",
                new MembershipRulePreview(
                        group == null ? null : group.value().toString(),
                        result.rule(),
                        result.matching(),
                        people(result.firstMatching()),
                        result.joining(),
                        people(result.firstJoining()),
                        result.leaving(),
                        people(result.firstLeaving()),
                        licenses));
    }

    private static List<MembershipRulePreview.Person> people(List<RulePreview.Person> people) {
        return people.stream()
                .map(p -> new MembershipRulePreview.Person(
                        p.id().value().toString(), p.userPrincipalName(), p.displayName()))
                .toList();
    }
}
