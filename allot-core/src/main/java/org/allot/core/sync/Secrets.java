package org.allot.core.sync;

import org.allot.core.Outcome;
import org.allot.core.TenantId;

/** Port: seals directory passwords for storage, bound to their tenant, and opens them for a run. */
public interface Secrets {
    /** The sealed form, or a refusal saying why nothing can be sealed (no key configured, say). */
    Outcome<String> seal(TenantId tenant, String secret);

    /** The secret, or a refusal saying why it cannot be opened (sealed with another key, say). */
    Outcome<String> open(TenantId tenant, String sealed);
}
