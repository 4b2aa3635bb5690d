package org.allot.server.web.extensions;

import java.util.Locale;
import org.allot.api.extensions.LicenseRequestResource;
import org.allot.core.Actor;
import org.allot.core.request.LicenseRequest;
import org.allot.core.request.RequestState;
import org.allot.core.request.RequestView;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphValues;

/** License requests as the API shows them, and the {@code $filter} the list takes. */
final class LicenseRequestViews {
    private LicenseRequestViews() {}

    /** The state a {@code $filter=status eq '…'} names. */
    static RequestState state(String filter) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*status\\s+eq\\s+'([a-zA-Z]+)'\\s*")
                .matcher(filter);
        if (!m.matches()) {
            throw new BadRequest("Unsupported filter: '" + filter
                    + "'. License requests are filtered by \"status eq 'pending'\" (or approved, denied, expired,"
                    + " cancelled) only.");
        }
        return RequestState.parse(m.group(1))
                .orElseThrow(() -> new BadRequest(
                        "Unknown status '" + m.group(1) + "': pending, approved, denied, expired or cancelled."));
    }

    static LicenseRequestResource view(RequestView v) {
        LicenseRequest r = v.request();
        LicenseRequest.Decision d = r.decision();
        LicenseRequest.Grant g = d == null ? null : d.grant();
        return new LicenseRequestResource(
                r.id().toString(),
                r.state().wireName(),
                v.grantStatus() == null ? null : v.grantStatus().wireName(),
                v.summary(),
                r.user().toString(),
                r.userPrincipalName(),
                r.sku().toString(),
                r.productName(),
                r.plans().stream().map(p -> p.value().toString()).sorted().toList(),
                r.justification(),
                GraphValues.time(r.wantedStart()),
                GraphValues.time(r.wantedEnd()),
                r.manager() == null ? null : r.manager().toString(),
                identity(r.filedBy()),
                GraphValues.time(r.filedAt()),
                d == null ? null : identity(d.by()),
                d == null ? null : GraphValues.time(d.at()),
                d != null && d.onBehalfOfManager() ? "manager" : null,
                d == null ? null : d.reason(),
                g == null ? null : g.direct() ? "direct" : "group",
                g == null || g.group() == null ? null : g.group().toString(),
                g == null
                        ? null
                        : g.plans().stream()
                                .map(p -> p.value().toString())
                                .sorted()
                                .toList(),
                g == null ? null : GraphValues.time(g.start()),
                g == null ? null : GraphValues.time(g.end()));
    }

    private static LicenseRequestResource.Identity identity(Actor a) {
        return new LicenseRequestResource.Identity(
                a.id(), a.displayName(), a.kind().name().toLowerCase(Locale.ROOT));
    }
}
