package org.allot.server.web.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.allot.api.SpreadsheetCells;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.directory.User;
import org.allot.core.query.Filter;
import org.allot.core.query.Query;
import org.allot.server.security.AdminPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Every user the list's search and filters match, as CSV, in the list's order (not only the page shown). */
@Controller
public class UserListExport {
    static final int EXPORT_PAGE = 1000;
    private static final CsvMapper CSV = CsvMapper.builder().build();

    /** One line of the export. */
    @JsonPropertyOrder({"displayName", "userPrincipalName", "id", "licenses", "state", "usageLocation", "source"})
    public record Line(
            String displayName,
            String userPrincipalName,
            String id,
            String licenses,
            String state,
            String usageLocation,
            String source) {}

    private final LicensingViews views;
    private final ProductChoices products;

    public UserListExport(LicensingViews views, ProductChoices products) {
        this.views = views;
        this.products = products;
    }

    @GetMapping("/users.csv")
    public void export(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(name = "show", required = false) List<String> show,
            @RequestParam(name = "product", defaultValue = "") String product,
            HttpServletResponse response)
            throws IOException {
        TenantId tenant = admin.tenant();
        UUID sku = product.isBlank()
                ? null
                : products.product(tenant, product).skuId().value();
        Filter filter = UserFilters.of(search.strip(), UserFilters.shows(show), sku);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"users.csv\"");
        CsvSchema schema = CSV.schemaFor(Line.class).withHeader();
        try (SequenceWriter writer = CSV.writer(schema).writeValues(response.getOutputStream())) {
            Query.Cursor cursor = null;
            do {
                var page = views.users(
                                tenant,
                                AdminPages.narrowed(
                                        admin, new Query(filter, UserFilters.ORDER, EXPORT_PAGE, cursor, false)))
                        .users();
                for (LicensedUser user : page.rows()) {
                    writer.write(line(UserListPage.row(user)));
                }
                cursor = page.next();
            } while (cursor != null);
        }
    }

    static Line line(UserListPage.Row row) {
        User u = row.user();
        return new Line(
                SpreadsheetCells.defused(u.displayName()),
                SpreadsheetCells.defused(u.userPrincipalName()),
                u.id().toString(),
                SpreadsheetCells.defused(String.join("; ", row.licenses())),
                row.inError() ? "Error" : row.waiting() ? "Waiting" : "",
                u.usageLocation() == null ? "" : u.usageLocation().code(),
                u.isGuest() ? "Guest" : u.onPremisesSyncEnabled() ? "Synced" : "Cloud");
    }
}
