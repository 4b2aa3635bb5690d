package org.allot.core.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user as an on-premises directory describes it, for directory sync: its immutable id, account name and the
 * attributes the directory owns, as text or Boolean. A null value clears an attribute.
 */
public record SyncedUser(String immutableId, String samAccountName, Map<UserAttribute, Object> values) {
    public SyncedUser {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
