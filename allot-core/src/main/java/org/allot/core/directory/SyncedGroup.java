package org.allot.core.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A group as an on-premises directory describes it, for directory sync: its immutable id and the attributes the
 * directory owns. A null value clears an attribute ({@code displayName} is required).
 */
public record SyncedGroup(String immutableId, Map<GroupAttribute, Object> values) {
    public SyncedGroup {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
