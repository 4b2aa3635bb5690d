package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * One object in the connector's scope as the census lists it.
 *
 * @param key the object's distinguished name, normalised so that equal names are equal strings
 * @param immutableId null when the entry has none (it is reported and left alone)
 * @param modified when the object last changed, for directories that tell it (else null)
 */
public record ScopeItem(ObjectKind kind, String key, String immutableId, Instant modified) {
    public ScopeItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }
}
