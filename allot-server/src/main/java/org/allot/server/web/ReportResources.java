package org.allot.server.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.allot.api.SpreadsheetCells;
import org.allot.api.extensions.CostLineResource;
import org.allot.api.extensions.CostTotal;
import org.allot.api.extensions.LicenseHolding;
import org.allot.api.extensions.UsageSnapshotResource;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.report.CostLine;
import org.allot.core.report.CostReport;
import org.allot.core.report.Holding;
import org.allot.core.report.UsageSnapshot;

/**
 * Maps reports to their wire records: cost sums and lines, license holdings, usage snapshots; and the holders export's
 * page token. For CSV, text cells are defused ({@link SpreadsheetCells}) by the {@code csv} variants.
 */
public final class ReportResources {
    private ReportResources() {}

    public static CostTotal total(CostReport.Total t, boolean csv) {
        return new CostTotal(
                cell(t.id(), csv), cell(t.name(), csv), t.currency(), t.seats(), amount(t.monthlyAmount()));
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
                amount(l.monthlyAmount()));
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
                h.since().atOffset(ZoneOffset.UTC));
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

    /** The token of the page after {@code key}: its three ids. */
    public static String token(Holding.Key key) {
        String plain = key.sku().value() + "," + key.user() + "," + key.source();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a page token stands for; empty when it is not one. */
    public static Optional<Holding.Key> key(String token) {
        try {
            String[] ids = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(",", -1);
            if (ids.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Holding.Key(
                    new SkuId(UUID.fromString(ids[0])), UUID.fromString(ids[1]), UUID.fromString(ids[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An amount with at least two decimals and no trailing zeros beyond them: 20.00, 20.50, 0.1234. */
    public static BigDecimal amount(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    private static String cell(String value, boolean csv) {
        return csv ? SpreadsheetCells.defused(value) : value;
    }
}
