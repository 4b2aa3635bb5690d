package org.allot.server.web.extensions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.api.extensions.ReclaimPolicyResource;
import org.allot.api.extensions.ReclaimReportResource;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ReclaimItem;
import org.allot.core.reclaim.ReclaimMode;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.core.reclaim.ReclaimReport;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.RequestBodies;

/** Reclaim's policies and reports in and out of their wire shapes. */
final class ReclaimResources {
    private ReclaimResources() {}

    static ReclaimPolicyResource policy(ReclaimPolicy p, Catalog products) {
        return new ReclaimPolicyResource(
                p.sku().value().toString(),
                products.find(p.sku()).map(Product::skuPartNumber).orElse(null),
                p.inactiveDays(),
                p.disabledDays(),
                p.recentDays(),
                p.exemptUsers().stream().map(u -> u.value().toString()).sorted().toList(),
                p.exemptGroups().stream()
                        .map(g -> g.value().toString())
                        .sorted()
                        .toList(),
                p.mode().name());
    }

    /** The policy a request sets for a product; what is left out takes its default (no days, no exemptions, report only). */
    static ReclaimPolicy policy(SkuId sku, ReclaimPolicyResource body) {
        ReclaimMode mode;
        try {
            mode = body.mode() == null ? ReclaimMode.ReportOnly : ReclaimMode.valueOf(body.mode());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'mode' is ReportOnly or Act, not " + body.mode() + ".");
        }
        return new ReclaimPolicy(
                sku,
                body.inactiveDays(),
                body.disabledDays(),
                body.recentDays() == null ? 0 : body.recentDays(),
                ids(body.exemptUserIds(), "exemptUserIds").stream()
                        .map(UserId::new)
                        .collect(Collectors.toSet()),
                ids(body.exemptGroupIds(), "exemptGroupIds").stream()
                        .map(GroupId::new)
                        .collect(Collectors.toSet()),
                mode);
    }

    private static List<UUID> ids(List<String> values, String name) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .map(v -> RequestBodies.uuid(v).orElseThrow(() -> new BadRequest("'" + name + "' lists ids: " + v)))
                .toList();
    }

    static ReclaimReportResource report(ReclaimReport r, Catalog products) {
        return new ReclaimReportResource(
                r.id() == null ? null : r.id().toString(),
                time(r.at()),
                r.actor(),
                r.applied(),
                r.monthlySavings(),
                r.items().stream().map(i -> item(i, products)).toList());
    }

    private static ReclaimReportResource.Item item(ReclaimItem i, Catalog products) {
        return new ReclaimReportResource.Item(
                i.user().value().toString(),
                i.userPrincipalName(),
                i.displayName(),
                i.sku().value().toString(),
                products.find(i.sku()).map(Product::skuPartNumber).orElse(null),
                i.reason().name(),
                time(i.since()),
                i.action().name(),
                i.groups(),
                i.monthlySaving() == null ? null : i.monthlySaving().amount(),
                i.monthlySaving() == null ? null : i.monthlySaving().currency(),
                i.outcome().name(),
                i.message());
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
