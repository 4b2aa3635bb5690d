package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.core.directory.DirectoryChanges;
import org.allot.core.directory.DirectoryDelta;
import org.allot.core.query.Entity;
import org.allot.server.security.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's delta queries: {@code GET /users/delta} and {@code /groups/delta} (also as {@code delta()}, as the SDKs
 * send them), with {@code $select}, {@code $top} or {@code Prefer: odata.maxpagesize}, {@code $skiptoken} and
 * {@code $deltatoken} (also {@code latest}), and Graph's one filter there, {@code id eq '…'} joined by {@code or}.
 */
@RestController
public class DeltaController {
    private static final Set<String> OPTIONS = Set.of("$select", "$top", "$skiptoken", "$deltatoken", "$filter");
    private static final Pattern ID_EQ = Pattern.compile(
            "\\s*id\\s+eq\\s+('?)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\1\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OR = Pattern.compile("(?i)\\s+or\\s+");
    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("(?i)odata\\.maxpagesize\\s*=\\s*(\\d{1,9})");
    private static final Set<String> NOT_ON_DELTA = Set.of(
            "assignedLicenses",
            "assignedPlans",
            "licenseAssignmentStates",
            "licenseProcessingState",
            "licensePriority");

    private final DirectoryDelta delta;
    private final DeltaResources resources;

    public DeltaController(DirectoryDelta delta, DeltaResources resources) {
        this.delta = delta;
        this.resources = resources;
    }

    @GetMapping(
            path = {"/v1.0/users/delta", "/v1.0/users/delta()"},
            produces = "application/json")
    public ResponseEntity<ObjectNode> users(ApiCaller caller, HttpServletRequest request) {
        Parsed parsed = parse(request, DirectoryChanges.Kind.USERS, Entity.USER, UserResources.USER_PROPERTIES);
        var page = Refused.orRefuse(delta.users(caller.tenant(), parsed.request()));
        return answer(parsed, resources.users(request, page));
    }

    @GetMapping(
            path = {"/v1.0/groups/delta", "/v1.0/groups/delta()"},
            produces = "application/json")
    public ResponseEntity<ObjectNode> groups(ApiCaller caller, HttpServletRequest request) {
        Set<String> selectable = new LinkedHashSet<>(GroupResources.GROUP_PROPERTIES);
        selectable.add(DirectoryDelta.MEMBERS);
        Parsed parsed = parse(request, DirectoryChanges.Kind.GROUPS, Entity.GROUP, selectable);
        var page = Refused.orRefuse(delta.groups(caller.tenant(), parsed.request()));
        return answer(parsed, resources.groups(request, page));
    }

    private record Parsed(DirectoryDelta.Request request, boolean preferred) {}

    private static ResponseEntity<ObjectNode> answer(Parsed parsed, ObjectNode body) {
        var response = ResponseEntity.ok();
        if (parsed.preferred()) {
            response.header(
                    "Preference-Applied",
                    "odata.maxpagesize=" + parsed.request().pageSize());
        }
        return response.body(body);
    }

    private static Parsed parse(
            HttpServletRequest request, DirectoryChanges.Kind kind, Entity entity, Set<String> selectable) {
        for (String name : request.getParameterMap().keySet()) {
            if (name.equalsIgnoreCase("$expand")) {
                throw new BadRequest(
                        "Request_UnsupportedQuery",
                        "Query option '$expand' is not supported on delta queries here: Allot's users have no manager,"
                                + " and a group's member changes come as members@delta (select 'members').");
            }
            if (name.startsWith("$") && !OPTIONS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new BadRequest("Query option '" + name + "' is not supported on delta queries.");
            }
        }
        List<String> select = select(request, entity, selectable);
        String top = param(request, "$top");
        int pageSize;
        boolean preferred = false;
        if (top != null) {
            pageSize = ODataQuery.of(only(request, "$top"), entity, Set.of(), Set.of(ODataQuery.Option.TOP))
                    .top();
        } else {
            Matcher m = MAX_PAGE_SIZE.matcher(String.valueOf(request.getHeader("Prefer")));
            preferred = m.find();
            // as in Graph, a preferred size above the largest page gets the largest page
            pageSize = preferred ? Math.max(1, Math.min(DirectoryDelta.MAX_PAGE, parseOr(m.group(1)))) : 0;
        }
        return new Parsed(
                new DirectoryDelta.Request(
                        kind,
                        param(request, "$skiptoken"),
                        param(request, "$deltatoken"),
                        pageSize,
                        select,
                        ids(param(request, "$filter"))),
                preferred);
    }

    /**
     * The ids of Graph's one filter on delta queries, {@code id eq '…' or id eq '…'} (null without a filter); any
     * other filter is refused as Graph refuses it.
     */
    static List<java.util.UUID> ids(String filter) {
        if (filter == null) {
            return null;
        }
        List<java.util.UUID> ids = new ArrayList<>();
        for (String clause : OR.split(filter, -1)) {
            Matcher m = ID_EQ.matcher(clause);
            if (!m.matches()) {
                throw new BadRequest("Request_UnsupportedQuery", "Unsupported Query.");
            }
            ids.add(java.util.UUID.fromString(m.group(2)));
        }
        return ids;
    }

    private static int parseOr(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return DirectoryDelta.MAX_PAGE;
        }
    }

    private static List<String> select(HttpServletRequest request, Entity entity, Set<String> selectable) {
        if (param(request, "$select") == null) {
            return null;
        }
        Set<String> chosen = ODataQuery.of(
                        only(request, "$select"), entity, selectable, Set.of(ODataQuery.Option.SELECT))
                .select();
        for (String name : chosen) {
            if (NOT_ON_DELTA.contains(name)) {
                throw new BadRequest("Property '" + name + "' is not supported on delta queries: read licenses with"
                        + " GET /" + (entity.equals(Entity.USER) ? "users" : "groups") + "?$select=" + name
                        + " or GET /" + (entity.equals(Entity.USER) ? "users" : "groups") + "/{id}?$select=" + name
                        + ".");
            }
        }
        List<String> names = new ArrayList<>(chosen);
        if (!names.contains("id")) {
            names.add(0, "id");
        }
        return names;
    }

    private static String param(HttpServletRequest request, String name) {
        String found = null;
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (found != null || e.getValue().length > 1) {
                    throw new BadRequest("Query option '" + name + "' was specified more than once.");
                }
                found = e.getValue()[0];
            }
        }
        return found;
    }

    /** The request as if it carried only one of its query options, for {@link ODataQuery} to check that one. */
    private static HttpServletRequest only(HttpServletRequest request, String option) {
        Map<String, String[]> params = Map.of(option, new String[] {param(request, option)});
        return new HttpServletRequestWrapper(request) {
            @Override
            public Map<String, String[]> getParameterMap() {
                return params;
            }

            @Override
            public String getParameter(String name) {
                return name.equalsIgnoreCase(option) ? params.get(option)[0] : null;
            }
        };
    }
}
