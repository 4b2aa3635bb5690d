package org.allot.server.web.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.allot.api.SpreadsheetCells;
import org.allot.core.assignment.MembersInError;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.directory.GroupId;
import org.allot.core.query.Query;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Every member of a group in error, as CSV: the user, the product, what happened, the waiting place, what to do. An
 * administrator whose roles are held over administrative units gets the members of their units only (narrowed by the
 * core, in the query).
 */
@Controller
public class GroupErrorsExport {
    /** Members in error are listed by name, as users are. */
    static final Query.Order ORDER = DirectorySearch.USERS_BY_NAME;

    static final int EXPORT_PAGE = 1000;
    private static final CsvMapper CSV = CsvMapper.builder().build();

    /** One line of the export. */
    @JsonPropertyOrder({
        "displayName",
        "userPrincipalName",
        "userId",
        "product",
        "error",
        "reason",
        "waitingPosition",
        "whatToDo"
    })
    public record Line(
            String displayName,
            String userPrincipalName,
            String userId,
            String product,
            String error,
            String reason,
            Integer waitingPosition,
            String whatToDo) {}

    private final MembersInError errors;

    public GroupErrorsExport(MembersInError errors) {
        this.errors = errors;
    }

    @GetMapping("/groups/{id}/members-in-error.csv")
    public void export(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        GroupId group = new GroupId(AdminPages.uuid(id).orElseThrow(() -> new AdminPages.NotFound(id)));
        MembersInError.View first = errors.of(
                        AdminPages.caller(admin, request),
                        group,
                        new Query(null, ORDER, EXPORT_PAGE, null, false),
                        false)
                .orElseThrow(() -> new AdminPages.NotFound(id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"members-in-error.csv\"");
        CsvSchema schema = CSV.schemaFor(Line.class).withHeader();
        try (SequenceWriter writer = CSV.writer(schema).writeValues(response.getOutputStream())) {
            MembersInError.View page = first;
            while (true) {
                for (GroupViews.ErrorRow row : GroupViews.errors(page)) {
                    writer.write(new Line(
                            SpreadsheetCells.defused(row.name()),
                            SpreadsheetCells.defused(row.userPrincipalName()),
                            row.userId().toString(),
                            SpreadsheetCells.defused(row.product()),
                            row.problem().title(),
                            SpreadsheetCells.defused(row.problem().detail()),
                            row.waitingPosition(),
                            SpreadsheetCells.defused(row.problem().action())));
                }
                Query.Cursor next = page.members().next();
                if (next == null) {
                    break;
                }
                page = errors.of(
                                AdminPages.caller(admin, request),
                                group,
                                new Query(null, ORDER, EXPORT_PAGE, next, false),
                                false)
                        .orElseThrow(() -> new AdminPages.NotFound(id));
            }
        }
    }

    /** Where a page of members in error starts, from its link; null for the first page. */
    static Query.Cursor cursor(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        return Query.Cursor.ofToken(token, ORDER)
                .orElseThrow(() -> new AdminPages.BadInput("This page link is damaged: start from the first page."));
    }
}
