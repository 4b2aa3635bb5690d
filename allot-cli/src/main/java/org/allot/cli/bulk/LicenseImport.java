package org.allot.cli.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.api.extensions.LicenseChangesRequest;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Query;
import org.allot.cli.lookup.Products;
import org.allot.cli.process.Failure;

/**
 * Plans a license assignments file against the directory: each row assigns (or, with action remove, removes) a
 * product directly to a user, with the named plans switched off; with action replace, it assigns the product and
 * removes the one named in the column replaces in one request, so both happen or neither does. A row the user already has exactly so changes
 * nothing; products and plans are checked before anything is sent.
 */
public final class LicenseImport {
    public static final String USER = UserImport.UPN;
    public static final String SKU = "sku";
    public static final String PLANS = "disabledPlans";
    public static final String ACTION = "action";
    public static final String REPLACES = "replaces";
    public static final CsvFile.Columns COLUMNS = new CsvFile.Columns(
            List.of(USER, SKU, PLANS, ACTION, REPLACES),
            Map.of(
                    "user", USER,
                    "upn", USER,
                    "skupartnumber", SKU,
                    "skuid", SKU,
                    "disabledplan", PLANS,
                    "disableplans", PLANS,
                    "from", REPLACES,
                    "replace", REPLACES),
            List.of(USER, SKU));
    public static final String SELECT = "id,userPrincipalName,licenseAssignmentStates";

    private LicenseImport() {}

    public static List<Step> plan(CsvFile file, Map<String, UserResource> users, Products products) {
        List<Step> steps = new ArrayList<>();
        file.problems().forEach(p -> steps.add(Step.invalid(p.line(), List.of("", ""), p.message())));
        Map<String, Integer> seen = new HashMap<>();
        for (CsvFile.Record record : file.records()) {
            String upn = Optional.ofNullable(record.get(USER)).orElse("");
            String sku = Optional.ofNullable(record.get(SKU)).orElse("");
            List<String> key = List.of(upn, sku);
            try {
                steps.add(step(record, key, users, products, seen));
            } catch (Failure f) {
                steps.add(Step.invalid(record.line(), key, f.getMessage()));
            }
        }
        steps.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return steps;
    }

    private static Step step(
            CsvFile.Record record,
            List<String> key,
            Map<String, UserResource> users,
            Products products,
            Map<String, Integer> seen) {
        String action = Optional.ofNullable(record.get(ACTION)).orElse("assign").toLowerCase(Locale.ROOT);
        if (!List.of("assign", "remove", "replace").contains(action)) {
            return Step.invalid(
                    record.line(), key, "action '" + record.get(ACTION) + "' is neither assign, remove nor replace");
        }
        if (key.get(0).isEmpty() || key.get(1).isEmpty()) {
            return Step.invalid(record.line(), key, "a row needs a userPrincipalName and a sku");
        }
        if (action.equals("replace") != (record.get(REPLACES) != null)) {
            return Step.invalid(
                    record.line(),
                    key,
                    action.equals("replace")
                            ? "a row that replaces a product names it in the column replaces"
                            : "only a row with action replace names a product in the column replaces");
        }
        Products.Sku sku = products.find(key.get(1));
        Products.Sku replaced = action.equals("replace") ? products.find(record.get(REPLACES)) : null;
        List<UUID> plans = sku.plans(Products.names(record.get(PLANS)));
        if (action.equals("remove") && !plans.isEmpty()) {
            return Step.invalid(record.line(), key, "a row that removes a product takes no disabledPlans");
        }
        if (replaced != null && replaced.skuId().equals(sku.skuId())) {
            return Step.invalid(record.line(), key, "a product cannot replace itself");
        }
        UserResource user = users.get(key.get(0).toLowerCase(Locale.ROOT));
        if (user == null) {
            return Step.invalid(record.line(), key, "no user " + key.get(0));
        }
        for (Products.Sku product : replaced == null ? List.of(sku) : List.of(sku, replaced)) {
            Integer earlier = seen.putIfAbsent(user.id() + "/" + product.skuId(), record.line());
            if (earlier != null) {
                return Step.invalid(record.line(), key, "the same user and product as line " + earlier);
            }
        }
        Optional<LicenseAssignmentState> direct = direct(user, sku.skuId());
        String path = Query.path("/v1.0/users", user.id(), "assignLicense");
        if (action.equals("remove")) {
            return direct.isEmpty()
                    ? Step.unchanged(record.line(), key, "not assigned directly")
                    : change(
                            record,
                            key,
                            Step.Action.REMOVE,
                            "remove " + sku.partNumber(),
                            path,
                            user,
                            List.of(),
                            List.of(sku.skuId()));
        }
        boolean assigned = direct.isPresent() && disabled(direct.get()).equals(new HashSet<>(plans));
        List<AssignedLicenseResource> add =
                assigned ? List.of() : List.of(new AssignedLicenseResource(plans, sku.skuId()));
        String detail = direct.isPresent()
                ? "switched-off plans: " + names(sku, disabled(direct.get())) + " -> " + names(sku, plans)
                : sku.partNumber() + (plans.isEmpty() ? "" : " without " + names(sku, plans));
        if (replaced != null && direct(user, replaced.skuId()).isPresent()) {
            return change(
                    record,
                    key,
                    Step.Action.REPLACE,
                    replaced.partNumber() + " -> " + detail,
                    path,
                    user,
                    add,
                    List.of(replaced.skuId()));
        }
        if (assigned) {
            return Step.unchanged(record.line(), key, replaced == null ? "already assigned" : "already replaced");
        }
        return change(
                record,
                key,
                Step.Action.ASSIGN,
                direct.isPresent() ? detail : "assign " + detail,
                path,
                user,
                add,
                List.of());
    }

    private static Step change(
            CsvFile.Record record,
            List<String> key,
            Step.Action action,
            String detail,
            String path,
            UserResource user,
            List<AssignedLicenseResource> add,
            List<UUID> remove) {
        return new Step(
                record.line(),
                key,
                action,
                detail,
                new Step.Request("POST", path, new AssignLicenseRequest(add, remove), user.id()));
    }

    /** A request of this import as a row of {@code POST /allot/v1/licenseChanges/validate}. */
    static Object validationRow(Step.Request request) {
        AssignLicenseRequest body = (AssignLicenseRequest) request.body();
        return new LicenseChangesRequest.Row(
                UUID.fromString(request.lane()).toString(), body.addLicenses(), body.removeLicenses());
    }

    private static Optional<LicenseAssignmentState> direct(UserResource user, UUID sku) {
        return user.licenseAssignmentStates() == null
                ? Optional.empty()
                : user.licenseAssignmentStates().stream()
                        .filter(s ->
                                s.assignedByGroup() == null && sku.toString().equalsIgnoreCase(s.skuId()))
                        .findFirst();
    }

    private static Set<UUID> disabled(LicenseAssignmentState state) {
        Set<UUID> plans = new HashSet<>();
        if (state.disabledPlans() != null) {
            state.disabledPlans().forEach(p -> plans.add(UUID.fromString(p)));
        }
        return plans;
    }

    private static String names(Products.Sku sku, java.util.Collection<UUID> plans) {
        return plans.isEmpty()
                ? "(none)"
                : String.join(
                        ",",
                        plans.stream()
                                .map(p -> sku.planName(p.toString()))
                                .sorted()
                                .toList());
    }
}
