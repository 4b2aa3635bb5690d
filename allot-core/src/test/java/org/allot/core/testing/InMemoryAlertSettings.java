package org.allot.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.alert.AlertRules;
import org.allot.core.alert.AlertSettings;

/** Alert rules in memory. */
public final class InMemoryAlertSettings implements AlertSettings {
    private final Map<TenantId, AlertRules> rules = new ConcurrentHashMap<>();

    @Override
    public Optional<AlertRules> find(TenantId tenant) {
        return Optional.ofNullable(rules.get(tenant));
    }

    @Override
    public void save(TenantId tenant, AlertRules value) {
        rules.put(tenant, value);
    }
}
