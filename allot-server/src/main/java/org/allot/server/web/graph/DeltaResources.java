package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.directory.DirectoryChanges;
import org.allot.core.directory.DirectoryDelta;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page of a delta query as Graph answers it: the objects with the selected (or default) properties, removed ones as
 * their id with {@code @removed}, a group's member changes as {@code members@delta}, and an
 * {@code @odata.nextLink} with a {@code $skiptoken} or, on the last page of a round, an {@code @odata.deltaLink} with
 * a {@code $deltatoken}.
 */
public final class DeltaResources {
    private final JsonMapper json;
    private final Responses responses;

    public DeltaResources(JsonMapper json, Responses responses) {
        this.json = json;
        this.responses = responses;
    }

    public ObjectNode users(HttpServletRequest request, DirectoryDelta.DeltaPage<User> page) {
        ObjectNode body = body(request, "users", page);
        ArrayNode values = body.putArray("value");
        for (DirectoryDelta.Entry<User> e : page.entries()) {
            values.add(
                    e.object() == null
                            ? removed("#microsoft.graph.user", e)
                            : shape(
                                    UserResources.user(LicensedUser.withoutLicenses(e.object())),
                                    page.select(),
                                    UserResources.USER_DEFAULT));
        }
        return body;
    }

    public ObjectNode groups(HttpServletRequest request, DirectoryDelta.DeltaPage<Group> page) {
        ObjectNode body = body(request, "groups", page);
        ArrayNode values = body.putArray("value");
        for (DirectoryDelta.Entry<Group> e : page.entries()) {
            if (e.object() == null) {
                values.add(removed("#microsoft.graph.group", e));
                continue;
            }
            ObjectNode group = shape(
                    GroupResources.group(LicensedGroup.withoutLicenses(e.object())),
                    page.select(),
                    GroupResources.GROUP_DEFAULT);
            group.remove(DirectoryDelta.MEMBERS);
            if (e.members() != null) {
                ArrayNode members = group.putArray("members@delta");
                for (DirectoryChanges.MemberChange m : e.members()) {
                    ObjectNode member = members.addObject();
                    member.put("@odata.type", m.group() ? "#microsoft.graph.group" : "#microsoft.graph.user");
                    member.put("id", m.id().toString());
                    if (m.removed()) {
                        member.putObject("@removed").put("reason", "deleted");
                    }
                }
            }
            values.add(group);
        }
        return body;
    }

    private ObjectNode body(HttpServletRequest request, String collection, DirectoryDelta.DeltaPage<?> page) {
        String context = page.select() == null ? collection : collection + "(" + String.join(",", page.select()) + ")";
        ObjectNode body = responses.list(request, context, List.of());
        body.remove("value");
        String link = responses.url(request)
                + (page.more() ? "?$skiptoken=" : "?$deltatoken=")
                + page.next().encode();
        body.put(page.more() ? "@odata.nextLink" : "@odata.deltaLink", link);
        return body;
    }

    private ObjectNode removed(String type, DirectoryDelta.Entry<?> e) {
        ObjectNode removed = json.createObjectNode();
        removed.put("@odata.type", type);
        removed.put("id", e.id().toString());
        removed.putObject("@removed").put("reason", e.removed().name().toLowerCase(Locale.ROOT));
        return removed;
    }

    private ObjectNode shape(Object resource, List<String> select, Set<String> defaults) {
        ObjectNode full = (ObjectNode) json.valueToTree(resource);
        ObjectNode out = json.createObjectNode();
        if (select == null) {
            out.set("@odata.type", full.get("@odata.type"));
        }
        Iterable<String> names = select == null ? defaults : select;
        for (String name : names) {
            JsonNode v = full.get(name);
            out.set(name, v == null ? json.getNodeFactory().nullNode() : v);
        }
        return out;
    }
}
