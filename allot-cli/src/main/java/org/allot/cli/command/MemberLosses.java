package org.allot.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.allot.api.extensions.TenantSettings;
import org.allot.api.graph.GroupResource;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;

/**
 * Which users would lose which licenses if members were taken out of a group: a user loses a product the group gives
 * it (an active assignment by the group) unless another source (directly, or another group) gives it too. A member
 * group's users lose them only when the tenant licenses members of nested groups. A user who stays a member of the
 * group through another nested group is counted too (the warning errs on the side of asking).
 */
final class MemberLosses {
    private static final String SELECT = "id,userPrincipalName,licenseAssignmentStates";
    private final Context context;
    private final GroupResource group;
    /** By user: the user's name and the SKU ids it would lose. */
    private final Map<String, Loss> users = new LinkedHashMap<>();

    private record Loss(String member, String user, Set<String> skus) {}

    MemberLosses(Context context, GroupResource group) {
        this.context = context;
        this.group = group;
    }

    /** Adds what taking out the member (a user or a group, by id; {@code named} as given) would cost. */
    void add(String named, String memberId) {
        UserResource user = null;
        try {
            user = context.directory().user(memberId, SELECT);
        } catch (Failure e) {
            if (e.exit() != Exit.NOT_FOUND) {
                throw e;
            }
        }
        if (user != null) {
            add(named, user);
        } else {
            if (!nestedLicensing()) {
                return;
            }
            for (UserResource u : context.api()
                    .list(
                            Query.of(Query.path("/v1.0/groups", memberId, "transitiveMembers"))
                                    .with("$select", SELECT)
                                    .with("$top", 999),
                            UserResource.class)) {
                if (u.userPrincipalName() != null) {
                    add(named, states(u));
                }
            }
        }
    }

    private UserResource states(UserResource user) {
        return user.licenseAssignmentStates() != null
                ? user
                : context.directory().user(user.id(), SELECT);
    }

    private void add(String member, UserResource user) {
        List<LicenseAssignmentState> states =
                user.licenseAssignmentStates() == null ? List.of() : user.licenseAssignmentStates();
        for (LicenseAssignmentState s : states) {
            if (group.id().equalsIgnoreCase(String.valueOf(s.assignedByGroup()))
                    && "Active".equals(s.state())
                    && states.stream()
                            .noneMatch(o -> Objects.equals(o.skuId(), s.skuId())
                                    && "Active".equals(o.state())
                                    && !group.id().equalsIgnoreCase(String.valueOf(o.assignedByGroup())))) {
                users.computeIfAbsent(
                                user.id(), id -> new Loss(member, user.userPrincipalName(), new LinkedHashSet<>()))
                        .skus()
                        .add(s.skuId());
            }
        }
    }

    /** "2 member(s) would lose EMS", one a product, for {@link LossConfirmation}. */
    List<String> summary() {
        Map<String, Integer> bySku = new TreeMap<>();
        users.values().forEach(l -> l.skus().forEach(s -> bySku.merge(partNumber(s), 1, Integer::sum)));
        List<String> lines = new ArrayList<>();
        bySku.forEach((sku, n) -> lines.add(n + " member(s) would lose " + sku));
        return lines;
    }

    /** One row a user who would lose a license: the member taken out, the user, the products. */
    Table table() {
        Table table = Table.of("member", "userPrincipalName", "wouldLose");
        users.values()
                .forEach(l -> table.add(
                        l.member(),
                        l.user(),
                        l.skus().stream().map(this::partNumber).toList()));
        return table;
    }

    private String partNumber(String skuId) {
        return context.directory().products().partNumber(skuId);
    }

    private boolean nestedLicensing() {
        try {
            Boolean nested = context.api()
                    .get("/allot/v1/settings", TenantSettings.class)
                    .nestedGroupLicensing();
            return nested == null || nested;
        } catch (ApiError e) {
            return true;
        }
    }
}
