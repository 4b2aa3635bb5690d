package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.StaticUtils;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.allot.core.sync.AttributeMapping;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DeltaStrategy;
import org.allot.core.sync.DirectoryFailure;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.Watermark;

/** The filters a session searches with: the connector's scope, changes since a watermark, entries by immutable id. */
final class LdapFilters {
    private static final Pattern UUID_TEXT = Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");

    private final ConnectorSettings settings;
    private final AttributeMapping mapping;

    LdapFilters(ConnectorSettings settings) {
        this.settings = settings;
        this.mapping = settings.mapping();
    }

    /** The filter of the objects of the kind in scope. */
    Filter of(ObjectKind kind) {
        try {
            return Filter.create(settings.scopeFilter(kind));
        } catch (LDAPException e) {
            throw new DirectoryFailure("The connector's " + kind.name().toLowerCase(Locale.ROOT)
                    + " filter is not valid: " + e.getMessage());
        }
    }

    /** The filter of the entries changed since the watermark. */
    Filter changedSince(Watermark since) {
        return since.strategy() == DeltaStrategy.USN_CHANGED
                ? Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(since.usn()))
                : Filter.createGreaterOrEqualFilter(
                        "modifyTimestamp", StaticUtils.encodeGeneralizedTime(Date.from(since.time())));
    }

    /** Entries of the kind whose identifying attributes give this immutable id. */
    Filter id(ObjectKind kind, String immutableId) {
        // entryUUID has a syntax of its own: an id another attribute gave is not asked of it
        List<Filter> any = new ArrayList<>();
        for (String attribute : mapping.idAttributes(kind)) {
            if (mapping.idFormat(attribute) == AttributeMapping.IdFormat.TEXT) {
                if (!attribute.equalsIgnoreCase("entryUUID")
                        || UUID_TEXT.matcher(immutableId).matches()) {
                    any.add(Filter.createEqualityFilter(attribute, immutableId));
                }
            } else {
                try {
                    any.add(Filter.createEqualityFilter(
                            attribute, Base64.getDecoder().decode(immutableId)));
                } catch (IllegalArgumentException notBase64) {
                    // an id the other attribute gave: this one cannot have it
                }
            }
        }
        return any.size() == 1 ? any.get(0) : Filter.createORFilter(any);
    }
}
