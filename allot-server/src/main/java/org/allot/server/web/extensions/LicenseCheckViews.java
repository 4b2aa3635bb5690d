package org.allot.server.web.extensions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.allot.api.extensions.LicenseCheckDifference;
import org.allot.api.extensions.LicenseCheckRunResource;
import org.allot.core.assignment.LicenseDifference;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;

/** The license check's core records as the API shows them. */
final class LicenseCheckViews {
    private LicenseCheckViews() {}

    static LicenseCheckRunResource run(org.allot.core.assignment.LicenseCheckRun r) {
        return new LicenseCheckRunResource(
                r.id().toString(),
                r.dryRun(),
                r.state().name(),
                r.requestedBy().displayName(),
                time(r.requestedAt()),
                time(r.startedAt()),
                time(r.finishedAt()),
                r.usersChecked(),
                r.differencesFound(),
                r.differencesRepaired(),
                r.consistent(),
                r.message());
    }

    static LicenseCheckDifference difference(LicenseDifference d, Catalog catalog) {
        return new LicenseCheckDifference(
                d.kind().name(),
                d.user() == null ? null : d.user().toString(),
                d.userPrincipalName(),
                d.sku().toString(),
                catalog.find(d.sku()).map(Product::skuPartNumber).orElse(null),
                d.source() == null ? null : d.source().isDirect() ? "direct" : "group",
                d.source() == null || d.source().isDirect()
                        ? null
                        : d.source().groupOrNull().toString(),
                d.expected(),
                d.stored(),
                d.repaired(),
                d.allotment() == null ? null : d.allotment().toString(),
                d.allotmentName());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
