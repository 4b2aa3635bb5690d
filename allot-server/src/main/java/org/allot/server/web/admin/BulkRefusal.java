package org.allot.server.web.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.ErrorCode;
import org.allot.core.assignment.LicensesAndLocation;
import org.allot.core.directory.UserId;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused change of many users' licenses, told to the next page: every refused user with the reason in plain words,
 * the selection and the choices kept, and the fixes offered — set a usage location for the users without one, or
 * apply the change to the others only.
 */
final class BulkRefusal {
    /** Flash attributes read by the users list. */
    static final String SELECTED = "bulkSelected";

    static final String SKU = "bulkSku";
    static final String MODE = "bulkMode";
    static final String REFUSALS = "bulkRefusals";
    static final String OTHERS = "bulkOthers";
    static final String UNLOCATED = "bulkUnlocated";
    private static final int NAMED = 10;

    /** A refused user and why. */
    record Row(String user, String reason) implements Serializable {}

    private BulkRefusal() {}

    /** Keeps what was ticked and chosen, for the page the change returns to. */
    static void keepChoices(RedirectAttributes flash, List<String> ids, String sku, String mode) {
        flash.addFlashAttribute(SELECTED, ids == null ? List.of() : List.copyOf(ids));
        flash.addFlashAttribute(SKU, sku);
        flash.addFlashAttribute(MODE, mode);
    }

    static void tell(
            RedirectAttributes flash, LicensesAndLocation.BulkResult result, List<UserId> users, String product) {
        List<Row> rows = new ArrayList<>();
        int unlocated = 0;
        for (LicensesAndLocation.Refusal refusal : result.refused()) {
            if (refusal.rejection().code() == ErrorCode.INVALID_USAGE_LOCATION) {
                unlocated++;
            }
            String reason = refusal.rejection().code() == ErrorCode.INVALID_USAGE_LOCATION
                    ? "No usage location is set, and a license needs one."
                    : PlainWords.of(refusal.rejection(), product);
            rows.add(new Row(
                    refusal.userPrincipalName().isEmpty() ? "The change" : refusal.userPrincipalName(), reason));
        }
        Set<UserId> refused = result.refused().stream()
                .map(LicensesAndLocation.Refusal::user)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> others = users.stream()
                .filter(u -> !refused.contains(u))
                .map(UserId::toString)
                .toList();
        AdminPages.refuse(
                flash,
                "bulk",
                "Nothing was changed: " + result.refused().size() + " of the " + users.size()
                        + " selected users would be refused (" + product + "). See the list below.");
        flash.addFlashAttribute(REFUSALS, rows);
        flash.addFlashAttribute(OTHERS, others);
        flash.addFlashAttribute(UNLOCATED, unlocated);
    }

    /** The first few names, and how many more. */
    static List<String> first(List<String> names) {
        if (names.size() <= NAMED) {
            return names;
        }
        List<String> shown = new ArrayList<>(names.subList(0, NAMED));
        shown.add("and " + (names.size() - NAMED) + " more");
        return shown;
    }
}
