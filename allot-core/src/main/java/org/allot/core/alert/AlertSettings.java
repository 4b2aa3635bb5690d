package org.allot.core.alert;

import java.util.Optional;
import org.allot.core.TenantId;

/** Port: each tenant's alert rules, when it has set its own. */
public interface AlertSettings {
    Optional<AlertRules> find(TenantId tenant);

    void save(TenantId tenant, AlertRules rules);

    /** The tenant's rules, or {@link AlertRules#DEFAULTS}. */
    default AlertRules of(TenantId tenant) {
        return find(tenant).orElse(AlertRules.DEFAULTS);
    }
}
