package org.allot.server.web;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.allot.api.Amounts;
import org.allot.api.SpreadsheetCells;
import org.allot.api.extensions.CostLineResource;
import org.allot.api.extensions.CostTotal;
import org.allot.api.extensions.LicenseHolding;
import org.allot.api.extensions.UsageSnapshotResource;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.query.Query;
import org.allot.core.report.CostLine;
import org.allot.core.report.CostReport;
import org.allot.core.report.Holding;
import org.allot.core.report.UsageSnapshot;

/**
 * Maps reports to their wire records: cost sums and lines, license holdings, usage snapshots (amounts as {@link Amounts}
 * writes them); and where a page of the holders export ended. For CSV, text cells are defused ({@link SpreadsheetCells}) by the {@code csv} variants.
 */
public final class ReportResources {
    private ReportResources() {}

    public static CostTotal total(CostReport.Total t, boolean csv) {
        return new CostTotal(
                cell(t.id(), csv), cell(t.name(), csv), t.currency(), t.seats(), Amounts.of(t.monthlyAmount()));
    }

    public static CostLineResource line(CostLine l, boolean csv) {
        String source = l.unassigned() ? "unassigned" : l.source().isDirect() ? "direct" : "group";
        return new CostLineResource(
                l.product().skuId().value().toString(),
                cell(l.product().skuPartNumber(), csv),
                cell(l.department(), csv),
                source,
                l.unassigned() || l.source().isDirect()
                        ? null
                        : l.source().groupOrNull().value().toString(),
                cell(l.groupName(), csv),
                l.currency(),
                l.seats(),
                Amounts.of(l.monthlyAmount()));
    }

    public static LicenseHolding holding(Holding h, Catalog products, boolean csv) {
        return new LicenseHolding(
                h.userId().toString(),
                cell(h.userPrincipalName(), csv),
                cell(h.department(), csv),
                h.sku().value().toString(),
                cell(partNumber(products, h.sku()), csv),
                h.source().isDirect() ? "direct" : "group",
                h.source().isDirect() ? null : h.source().groupOrNull().value().toString(),
                cell(h.groupName(), csv),
                h.state() == null ? null : h.state().name(),
                h.error() == null ? null : h.error().name(),
                h.since().atOffset(ZoneOffset.UTC),
                h.allotment() == null ? null : h.allotment().toString(),
                cell(h.allotmentName(), csv));
    }

    public static UsageSnapshotResource usage(UsageSnapshot s, Catalog products, boolean csv) {
        return new UsageSnapshotResource(
                s.day(),
                s.sku().value().toString(),
                cell(partNumber(products, s.sku()), csv),
                s.seats(),
                s.assigned(),
                s.available(),
                s.waiting(),
                s.reclaimable());
    }

    static String partNumber(Catalog products, SkuId sku) {
        return products.find(sku).map(Product::skuPartNumber).orElse(sku.value().toString());
    }

    /**
     * Where a page of holdings ended, as the cursor every paged list uses ({@link Query.Cursor}): the user's id, with
     * the product's and the source's as its value.
     */
    public static Query.Cursor cursor(Holding.Key key) {
        return new Query.Cursor(key.sku().value() + "," + key.source(), key.user());
    }

    /** The holding a cursor stands for; empty when it is not one of {@link #cursor}. */
    public static Optional<Holding.Key> key(Query.Cursor cursor) {
        String[] ids = cursor.value() == null ? new String[0] : cursor.value().split(",", -1);
        if (ids.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Holding.Key(new SkuId(UUID.fromString(ids[0])), cursor.id(), UUID.fromString(ids[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cell(String value, boolean csv) {
        return csv ? SpreadsheetCells.defused(value) : value;
    }
}
