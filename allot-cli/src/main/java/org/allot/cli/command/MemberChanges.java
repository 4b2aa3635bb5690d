package org.allot.cli.command;

import java.util.List;
import org.allot.api.graph.DirectoryObjectReference;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import tools.jackson.databind.JsonNode;

/**
 * The members of a group or an administrative unit: listed as one table, and one change for each member named on the
 * command line, each named by id, sign-in name or group name, each done or refused on its own, and a table of what
 * happened to each. The exit code is the first refusal's, 0 when all were done.
 */
final class MemberChanges {
    /** What is done for one member, by id. */
    interface Change {
        void apply(String memberId);
    }

    private MemberChanges() {}

    /** Prints the members at {@code path} (a group's members or transitive members, a unit's members). */
    static void list(Context context, String path) {
        Table table = Table.of("type", "id", "userPrincipalName", "displayName");
        for (JsonNode m : context.api().list(Query.of(path).with("$top", 999), JsonNode.class)) {
            table.add(
                    m.path("@odata.type").asString("").replace("#microsoft.graph.", ""),
                    m.path("id").asString(null),
                    m.path("userPrincipalName").asString(null),
                    m.path("displayName").asString(null));
        }
        context.printer().print(table);
    }

    /** Adds each member by a reference posted to {@code path}{@code /$ref} (the members of a group or a unit). */
    static int add(Context context, List<String> members, String path) {
        return each(
                context,
                members,
                id -> context.api()
                        .post(
                                path + "/$ref",
                                new DirectoryObjectReference(
                                        "https://graph.microsoft.com/v1.0/directoryObjects/" + id)),
                "added");
    }

    static int each(Context context, List<String> members, Change change, String done) {
        Table table = Table.of("member", "id", "result");
        int exit = 0;
        for (String member : members) {
            try {
                String id = memberId(context, member);
                change.apply(id);
                table.add(member, id, done);
            } catch (Failure | ApiError e) {
                Failure failure = e instanceof ApiError api ? api.toFailure() : (Failure) e;
                context.note(failure.line() + " (" + member + ")");
                table.add(member, null, failure.code() + ": " + failure.getMessage());
                exit = exit == 0 ? failure.exit().code() : exit;
            }
        }
        context.printer().print(table);
        return exit;
    }

    /** A member's id: an id as given, a sign-in name's user, or a group's name. */
    static String memberId(Context context, String member) {
        String m = member.strip();
        if (Directory.isGuid(m)) {
            return m;
        }
        return m.contains("@")
                ? context.directory().user(m, "id").id()
                : context.directory().group(m, "id").id();
    }
}
