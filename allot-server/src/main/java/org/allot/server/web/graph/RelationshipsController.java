package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.Relationships;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserRef;
import org.allot.core.query.Entity;
import org.allot.core.query.Page;
import org.allot.core.query.Query;
import org.allot.server.security.ApiCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's relationships of users and groups: {@code members}, {@code transitiveMembers}, {@code memberOf} and
 * {@code transitiveMemberOf}, their {@code /$count} segments and their casts to users or groups
 * ({@code microsoft.graph.user}, or {@code graph.user} as the Java SDK sends it). A cast, and {@code memberOf}
 * (whose objects are all groups here), take the query options of the users or groups collection.
 */
@RestController
@RequestMapping(produces = "application/json")
public class RelationshipsController {
    private static final String MEMBERS = "/v1.0/groups/{id}/{members:members|transitiveMembers}";
    private static final String MEMBER_OF = "/v1.0/{kind:users|groups}/{id}/{memberOf:memberOf|transitiveMemberOf}";
    private static final String CAST = "/{type:(?:microsoft\\.)?graph\\.(?:user|group)}";
    private static final Set<String> ANY_PROPERTIES = union();

    private final Relationships relationships;
    private final Responses responses;
    private final ScopedDirectory scoped;

    public RelationshipsController(Relationships relationships, Responses responses, ScopedDirectory scoped) {
        this.scoped = scoped;
        this.relationships = relationships;
        this.responses = responses;
    }

    /** Users and groups together, in id order, a page at a time. */
    @GetMapping(MEMBERS)
    public ObjectNode members(
            ApiCaller caller,
            @PathVariable String id,
            @PathVariable("members") String relation,
            HttpServletRequest request) {
        refuseUntyped(request);
        ODataQuery query = ODataQuery.of(
                request,
                null,
                ANY_PROPERTIES,
                EnumSet.of(
                        ODataQuery.Option.SELECT,
                        ODataQuery.Option.TOP,
                        ODataQuery.Option.SKIPTOKEN,
                        ODataQuery.Option.COUNT));
        boolean transitive = transitive(relation);
        Page<DirectoryQueries.DirectoryObject> page = scoped.members(
                        caller.caller(), groupId(id), transitive, query.top(), after(query))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        // a caller scoped to administrative units is not told how many members there are beyond its units
        Long count = query.count() && caller.caller().scope().tenantWide()
                ? relationships
                        .memberCount(caller.tenant(), groupId(id), transitive)
                        .orElseThrow()
                : null;
        List<Object> values = new ArrayList<>();
        for (DirectoryQueries.DirectoryObject o : page.rows()) {
            values.add(
                    o instanceof DirectoryQueries.UserObject u
                            ? UserResources.user(LicensedUser.withoutLicenses(u.user()))
                            : GroupResources.group(
                                    LicensedGroup.withoutLicenses(((DirectoryQueries.GroupObject) o).group())));
        }
        Set<String> shape = query.select() == null ? null : query.select();
        return responses.page(request, "directoryObjects", values, query, shape, count, page.next());
    }

    @GetMapping(path = MEMBERS + "/$count", produces = "text/plain")
    public String memberCount(
            ApiCaller caller,
            @PathVariable String id,
            @PathVariable("members") String relation,
            HttpServletRequest request) {
        refuseUntyped(request);
        ODataQuery.forCount(request, null, Set.of());
        return Long.toString(relationships
                .memberCount(caller.tenant(), groupId(id), transitive(relation))
                .orElseThrow(() -> new Refused(Rejection.notFound(id))));
    }

    @GetMapping(MEMBERS + CAST)
    public ObjectNode membersOfType(
            ApiCaller caller,
            @PathVariable String id,
            @PathVariable("members") String relation,
            @PathVariable("type") String cast,
            HttpServletRequest request) {
        if (isUser(cast)) {
            ODataQuery query = ODataQuery.of(request, Entity.USER, UserResources.USER_PROPERTIES, ODataQuery.ALL);
            return users(request, query, memberUsers(caller, id, relation, query.toQuery(), query));
        }
        ODataQuery query = ODataQuery.of(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES, ODataQuery.ALL);
        return groups(request, "groups", query, memberGroups(caller, id, relation, query.toQuery(), query));
    }

    @GetMapping(path = MEMBERS + CAST + "/$count", produces = "text/plain")
    public String membersOfTypeCount(
            ApiCaller caller,
            @PathVariable String id,
            @PathVariable("members") String relation,
            @PathVariable("type") String cast,
            HttpServletRequest request) {
        if (isUser(cast)) {
            Query query = ODataQuery.forCount(request, Entity.USER, UserResources.USER_PROPERTIES);
            return Long.toString(memberUsers(caller, id, relation, query, null).count());
        }
        Query query = ODataQuery.forCount(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES);
        return Long.toString(memberGroups(caller, id, relation, query, null).count());
    }

    /** The groups an object belongs to: all groups here, so the groups collection's options apply. */
    @GetMapping({MEMBER_OF, MEMBER_OF + CAST})
    public ObjectNode memberOf(
            ApiCaller caller,
            @PathVariable String kind,
            @PathVariable String id,
            @PathVariable("memberOf") String relation,
            @PathVariable(name = "type", required = false) String cast,
            HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES, ODataQuery.ALL);
        Page<LicensedGroup> groups = groupsOf(caller, kind, id, relation, query.toQuery(), query);
        if (cast != null && isUser(cast)) {
            // users are members of nothing that is a user: an empty collection, once the object is known to exist
            return responses.page(request, "users", List.of(), query, UserResources.USER_DEFAULT, count(query), null);
        }
        return groups(request, cast == null ? "directoryObjects" : "groups", query, groups);
    }

    @GetMapping(
            path = {MEMBER_OF + "/$count", MEMBER_OF + CAST + "/$count"},
            produces = "text/plain")
    public String memberOfCount(
            ApiCaller caller,
            @PathVariable String kind,
            @PathVariable String id,
            @PathVariable("memberOf") String relation,
            @PathVariable(name = "type", required = false) String cast,
            HttpServletRequest request) {
        Query query = ODataQuery.forCount(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES);
        Page<LicensedGroup> page = groupsOf(caller, kind, id, relation, query, null);
        return Long.toString(cast != null && isUser(cast) ? 0 : page.count());
    }

    private Page<LicensedUser> memberUsers(
            ApiCaller caller, String id, String relation, Query query, ODataQuery options) {
        return relationships
                .memberUsers(
                        caller.tenant(),
                        groupId(id),
                        transitive(relation),
                        query,
                        options != null && UserResources.licensesSelected(options))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }

    private Page<LicensedGroup> memberGroups(
            ApiCaller caller, String id, String relation, Query query, ODataQuery options) {
        return relationships
                .memberGroups(
                        caller.tenant(),
                        groupId(id),
                        transitive(relation),
                        query,
                        options != null && GroupResources.licensesSelected(options))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }

    private Page<LicensedGroup> groupsOf(
            ApiCaller caller, String kind, String id, String relation, Query query, ODataQuery options) {
        boolean licenses = options != null && GroupResources.licensesSelected(options);
        boolean transitive = transitive(relation);
        var groups = kind.equals("users")
                ? scoped.groupsOfUser(caller.caller(), UserRef.of(id), transitive, query, licenses)
                : scoped.groupsOfGroup(caller.caller(), groupId(id), transitive, query, licenses);
        return groups.orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }

    private ObjectNode users(HttpServletRequest request, ODataQuery query, Page<LicensedUser> page) {
        return responses.page(
                request,
                "users",
                UserResources.users(page.rows()),
                query,
                UserResources.USER_DEFAULT,
                page.count(),
                page.next());
    }

    private ObjectNode groups(HttpServletRequest request, String context, ODataQuery query, Page<LicensedGroup> page) {
        return responses.page(
                request,
                context,
                GroupResources.groups(page.rows()),
                query,
                GroupResources.GROUP_DEFAULT,
                page.count(),
                page.next());
    }

    /** Filtering and ordering a mix of users and groups is not offered: a cast says which of them to filter. */
    private static void refuseUntyped(HttpServletRequest request) {
        for (String name : List.of("$filter", "$orderby", "$search")) {
            if (request.getParameterMap().keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new BadRequest(
                        "Request_UnsupportedQuery",
                        "'" + name + "' on members of every type is not supported: cast the members to one type,"
                                + " as in /members/microsoft.graph.user?" + name + "=… .");
            }
        }
    }

    private static Long count(ODataQuery query) {
        return query.count() ? 0L : null;
    }

    private static java.util.UUID after(ODataQuery query) {
        return query.after() == null ? null : query.after().id();
    }

    private static boolean isUser(String cast) {
        return cast.endsWith(".user");
    }

    private static boolean transitive(String relation) {
        return relation.startsWith("transitive");
    }

    private static GroupId groupId(String id) {
        return new GroupId(RequestBodies.idOrNotFound(id));
    }

    private static Set<String> union() {
        Set<String> all = new LinkedHashSet<>(UserResources.USER_PROPERTIES);
        all.addAll(GroupResources.GROUP_PROPERTIES);
        return Set.copyOf(all);
    }
}
