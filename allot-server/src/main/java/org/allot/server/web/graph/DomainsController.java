package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.api.graph.DomainResource;
import org.allot.core.Rejection;
import org.allot.core.directory.Domain;
import org.allot.core.directory.TenantDomains;
import org.allot.core.query.Entity;
import org.allot.core.query.Query;
import org.allot.server.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's domains of the tenant: listed, read, added (verified at once), verified (a no-op), made the default and
 * deleted.
 */
@RestController
@RequestMapping(path = "/v1.0/domains", produces = "application/json")
public class DomainsController {
    private final TenantDomains domains;
    private final Responses responses;

    public DomainsController(TenantDomains domains, Responses responses) {
        this.domains = domains;
        this.responses = responses;
    }

    /** Every property, nulls included, as Graph returns a domain; {@code $select} picks some. */
    private static final Set<String> PROPERTIES = new LinkedHashSet<>(DomainResource.PROPERTIES);

    private static final Set<ODataQuery.Option> LIST_OPTIONS = EnumSet.of(
            ODataQuery.Option.SELECT, ODataQuery.Option.FILTER, ODataQuery.Option.TOP, ODataQuery.Option.SKIPTOKEN);
    /** The id part of a page's cursor, whose value is the position of the page's first domain. */
    private static final UUID PAGE = new UUID(0, 0);

    /**
     * The domains, the default one first: {@code $select}, {@code $filter} ({@code isDefault eq true}), and
     * {@code $top} with nextLinks to the next pages.
     */
    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.DOMAIN, PROPERTIES, LIST_OPTIONS);
        List<DomainResource> all = DomainResources.domains(domains.list(caller.tenant())).stream()
                .filter(d -> query.filter() == null || DomainFilters.matches(query.filter(), d))
                .toList();
        int from = query.after() == null ? 0 : position(query.after().value(), all.size());
        int to = Math.min(all.size(), from + query.top());
        Query.Cursor next = to < all.size() ? new Query.Cursor(Integer.toString(to), PAGE) : null;
        return responses.page(request, "domains", all.subList(from, to), query, PROPERTIES, null, next);
    }

    private static int position(String value, int size) {
        try {
            return Math.min(size, Math.max(0, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new BadRequest("Invalid $skiptoken: use the @odata.nextLink of the previous page of this collection"
                    + " as it is.");
        }
    }

    /**
     * How many domains match the {@code $filter}, as plain text (Graph's {@code /$count} segment). Domains are not
     * directory objects, so no {@code ConsistencyLevel} header is needed.
     */
    @GetMapping(path = "/$count", produces = "text/plain")
    public String count(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.DOMAIN, PROPERTIES, EnumSet.of(ODataQuery.Option.FILTER));
        return Long.toString(DomainResources.domains(domains.list(caller.tenant())).stream()
                .filter(d -> query.filter() == null || DomainFilters.matches(query.filter(), d))
                .count());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.DOMAIN, PROPERTIES, ODataQuery.SELECT_ONLY);
        Domain domain = domains.find(caller.tenant(), id).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(
                request,
                "domains/$entity",
                DomainResources.domain(domain, domains.list(caller.tenant())),
                query,
                PROPERTIES);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode add(
            ApiCaller caller,
            @Schema(implementation = DomainResource.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        RequestBodies.requireObject(body);
        String name = null;
        for (var field : body.properties()) {
            switch (field.getKey()) {
                case "id" -> name = text(field.getValue(), "id");
                case "@odata.type" -> RequestBodies.requireType(field.getValue(), "microsoft.graph.domain");
                case "isVerified",
                        "isDefault",
                        "isInitial",
                        "isRoot",
                        "isAdminManaged",
                        "availabilityStatus",
                        "manufacturer",
                        "model",
                        "state" -> throw RequestBodies.readOnly(field.getKey());
                case "authenticationType" -> requireManaged(field.getValue());
                case "supportedServices", "passwordNotificationWindowInDays", "passwordValidityPeriodInDays" ->
                    // accepted as Graph accepts them, when of Graph's type; Allot keeps its defaults
                    requireGraphType(field.getKey(), field.getValue());
                default -> throw RequestBodies.unknown(field.getKey(), "domain");
            }
        }
        if (name == null) {
            throw new BadRequest("Property 'id' is required when creating the resource.");
        }
        Domain domain = Refused.orRefuse(domains.add(caller.caller(), name));
        return entity(caller, domain, request);
    }

    /** Graph's verify action: every domain Allot keeps is verified already, so it only returns the domain. */
    @PostMapping("/{id}/verify")
    public ObjectNode verify(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return entity(caller, Refused.orRefuse(domains.verify(caller.caller(), id)), request);
    }

    /** Graph's update: {@code isDefault: true} makes the domain the default; nothing else can change. */
    @PatchMapping("/{id}")
    public ResponseEntity<Void> update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = DomainResource.class) @RequestBody JsonNode body) {
        RequestBodies.requireObject(body);
        boolean makeDefault = false;
        for (var field : body.properties()) {
            switch (field.getKey()) {
                case "isDefault" -> {
                    if (!field.getValue().isBoolean()) {
                        throw RequestBodies.invalid("isDefault", "domain");
                    }
                    if (!field.getValue().asBoolean()) {
                        throw new BadRequest(
                                "A domain stops being the default when another one becomes it: set isDefault to true"
                                        + " on that one.");
                    }
                    makeDefault = true;
                }
                case "authenticationType" -> requireManaged(field.getValue());
                case "supportedServices", "passwordNotificationWindowInDays", "passwordValidityPeriodInDays" ->
                    // accepted as Graph accepts them, when of Graph's type; Allot keeps its defaults
                    requireGraphType(field.getKey(), field.getValue());
                case "id",
                        "isVerified",
                        "isInitial",
                        "isRoot",
                        "isAdminManaged",
                        "availabilityStatus",
                        "manufacturer",
                        "model",
                        "state" -> throw RequestBodies.readOnly(field.getKey());
                default -> throw RequestBodies.unknown(field.getKey(), "domain");
            }
        }
        if (makeDefault) {
            Refused.orRefuse(domains.makeDefault(caller.caller(), id));
        } else {
            Refused.orRefuse(domains.verify(caller.caller(), id));
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(domains.remove(caller.caller(), id));
        return ResponseEntity.noContent().build();
    }

    /**
     * Graph's forceDelete: the users on the domain move to the initial domain (disabled unless
     * {@code disableUserAccounts} is false), then the domain is removed; 204. The body is a JSON object, {@code {}}
     * at least (Graph's SDKs always send one).
     */
    @PostMapping("/{id}/forceDelete")
    public ResponseEntity<Void> forceDelete(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = ForceDeleteBody.class) @RequestBody JsonNode body) {
        RequestBodies.requireObject(body);
        boolean disable = true;
        for (var field : body.properties()) {
            if (!field.getKey().equals("disableUserAccounts")) {
                throw RequestBodies.unknown(field.getKey(), "forceDelete");
            }
            if (!field.getValue().isBoolean()) {
                throw RequestBodies.invalid("disableUserAccounts", "forceDelete");
            }
            disable = field.getValue().asBoolean();
        }
        Refused.orRefuse(domains.forceRemove(caller.caller(), id, disable));
        return ResponseEntity.noContent().build();
    }

    /** The body of forceDelete, for the OpenAPI document. */
    record ForceDeleteBody(Boolean disableUserAccounts) {}

    private ObjectNode entity(ApiCaller caller, Domain domain, HttpServletRequest request) {
        List<Domain> all = domains.list(caller.tenant());
        return responses.entity(request, "domains/$entity", DomainResources.domain(domain, all), null, PROPERTIES);
    }

    private static String text(JsonNode value, String name) {
        if (!value.isString()) {
            throw RequestBodies.invalid(name, "domain");
        }
        return value.asString();
    }

    /** {@code supportedServices} is a collection of strings, the password periods are Int32: else Graph's 400. */
    private static void requireGraphType(String name, JsonNode value) {
        boolean valid = name.equals("supportedServices")
                ? value.isArray() && value.valueStream().allMatch(JsonNode::isString)
                : value.isIntegralNumber() && value.canConvertToInt();
        if (!valid) {
            throw RequestBodies.invalid(name, "domain");
        }
    }

    private static void requireManaged(JsonNode value) {
        if (!value.isString() || !value.asString().equalsIgnoreCase("Managed")) {
            throw new BadRequest("Allot's domains are Managed: it federates with no identity provider.");
        }
    }
}
