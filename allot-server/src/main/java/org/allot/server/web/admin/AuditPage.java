package org.allot.server.web.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.allot.api.SpreadsheetCells;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTrail;
import org.allot.core.audit.PropertyChange;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The audit log: every change, newest first, filterable by actor, activity, target and dates; CSV export. */
@Controller
public class AuditPage {
    static final int PAGE = 50;
    static final int EXPORT_PAGE = 1000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Query.Order ORDER = null;
    private static final CsvMapper CSV = CsvMapper.builder().build();

    /** One line of the CSV export. */
    @JsonPropertyOrder({
        "time",
        "activity",
        "category",
        "actor",
        "actorId",
        "targets",
        "changes",
        "correlationId",
        "result"
    })
    public record Line(
            String time,
            String activity,
            String category,
            String actor,
            String actorId,
            String targets,
            String changes,
            String correlationId,
            String result) {}

    /** At most this many users whose display name starts with the target text are looked for in the log. */
    private static final int NAMED_USERS = 50;

    private final AuditTrail audits;
    private final LicensingViews views;

    public AuditPage(AuditTrail audits, LicensingViews views) {
        this.audits = audits;
        this.views = views;
    }

    /** The ids of the users the target text names by display name (a user's audit target is their sign-in name). */
    private List<String> namedUsers(TenantId tenant, AuditFilters filters) {
        Filter users = filters.targetUsers();
        if (users == null) {
            return List.of();
        }
        return views
                .users(tenant, new Query(users, UserFilters.ORDER, NAMED_USERS, null, false))
                .users()
                .rows()
                .stream()
                .map(u -> u.user().id().toString())
                .toList();
    }

    @ModelAttribute("activities")
    public List<String> activities() {
        return Arrays.stream(Activity.values())
                .map(Activity::displayName)
                .sorted()
                .toList();
    }

    @GetMapping("/audit")
    public String list(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "activity", required = false) String activity,
            @RequestParam(name = "target", required = false) String target,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "after", required = false) String after,
            Model model,
            HttpServletResponse response) {
        AuditFilters filters = new AuditFilters(actor, activity, target, from, to);
        model.addAttribute("filters", filters);
        String problem = filters.problem();
        Query.Cursor cursor = after == null || after.isBlank()
                ? null
                : Query.Cursor.ofToken(after, ORDER).orElse(null);
        if (after != null && !after.isBlank() && cursor == null) {
            problem = "This page link is damaged: start from the first page.";
        }
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterProblem", problem);
            model.addAttribute("events", List.of());
            return "audit/list";
        }
        var page = audits.events(
                admin.tenant(),
                AdminPages.narrowed(
                        admin,
                        new Query(filters.toFilter(namedUsers(admin.tenant(), filters)), ORDER, PAGE, cursor, true)));
        model.addAttribute("events", page.rows());
        model.addAttribute("total", page.count());
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("next", page.next() == null ? null : page.next().token(ORDER));
        model.addAttribute("firstPage", cursor == null);
        return "audit/list";
    }

    /** The filtered log as CSV, every matching record, newest first; cells that a spreadsheet would run are quoted. */
    @GetMapping("/audit.csv")
    public void export(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "activity", required = false) String activity,
            @RequestParam(name = "target", required = false) String target,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            HttpServletResponse response)
            throws IOException {
        AuditFilters filters = new AuditFilters(actor, activity, target, from, to);
        if (filters.problem() != null) {
            throw new AdminPages.BadInput(filters.problem());
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        CsvSchema schema = CSV.schemaFor(Line.class).withHeader();
        try (SequenceWriter writer = CSV.writer(schema).writeValues(response.getOutputStream())) {
            Query.Cursor cursor = null;
            List<String> named = namedUsers(admin.tenant(), filters);
            do {
                var page = audits.events(
                        admin.tenant(),
                        AdminPages.narrowed(
                                admin, new Query(filters.toFilter(named), ORDER, EXPORT_PAGE, cursor, false)));
                for (AuditEvent e : page.rows()) {
                    writer.write(line(e));
                }
                cursor = page.next();
            } while (cursor != null);
        }
    }

    static Line line(AuditEvent e) {
        return new Line(
                TIME.format(e.time()),
                e.activity().displayName(),
                e.activity().category().displayName(),
                cell(e.actor().displayName()),
                cell(e.actor().id()),
                cell(e.targets().stream()
                        .map(t -> t.type() + " " + (t.displayName() == null ? t.id() : t.displayName()))
                        .collect(Collectors.joining("; "))),
                cell(changes(e.changes())),
                cell(e.correlationId()),
                e.result());
    }

    /** The changes of a record in one line: {@code property: old → new}. */
    public static String changes(List<PropertyChange> changes) {
        return changes.stream()
                .map(c -> c.name() + ": " + value(c.oldValue()) + " → " + value(c.newValue()))
                .collect(Collectors.joining("; "));
    }

    private static String value(String v) {
        return v == null || v.isEmpty() ? "(none)" : v;
    }

    /** A cell a spreadsheet would take for a formula starts with a quote, so it is shown and never run. */
    static String cell(String value) {
        return SpreadsheetCells.defused(value);
    }
}
