package org.allot.core.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A group as an on-premises directory describes it, for directory sync: its immutable id and the attributes the
 * directory owns. A null value clears an attribute ({@code displayName} is required).
 *
 * @param samAccountName its account name in the directory ({@code onPremisesSamAccountName}), null when not synced
 * @param onPremises its domain and security identifier (the time of the last sync is set when the group is written)
 */
public record SyncedGroup(
        String immutableId,
        Map<GroupAttribute, Object> values,
        String samAccountName,
        OnPremisesAttributes onPremises) {
    public SyncedGroup {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        onPremises = onPremises == null ? OnPremisesAttributes.NONE : onPremises.syncedAt(null);
    }

    /** A group with nothing known of its on-premises original but its id. */
    public SyncedGroup(String immutableId, Map<GroupAttribute, Object> values) {
        this(immutableId, values, null, OnPremisesAttributes.NONE);
    }
}
