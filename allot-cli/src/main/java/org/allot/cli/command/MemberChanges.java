package org.allot.cli.command;

import java.util.List;
import org.allot.cli.api.ApiError;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;

/**
 * One change for each member named on the command line (a group's or an administrative unit's members): each named
 * by id, sign-in name or group name, each done or refused on its own, and a table of what happened to each. The exit
 * code is the first refusal's, 0 when all were done.
 */
final class MemberChanges {
    /** What is done for one member, by id. */
    interface Change {
        void apply(String memberId);
    }

    private MemberChanges() {}

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
