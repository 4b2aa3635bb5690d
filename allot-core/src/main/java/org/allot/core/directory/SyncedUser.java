package org.allot.core.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user as an on-premises directory describes it, for directory sync: its immutable id, account name and the
 * attributes the directory owns, as text or Boolean. A null value clears an attribute.
 *
 * @param onPremisesUserPrincipalName the principal name in the directory, which {@code values} may give otherwise in
 *     Allot (when its domain is not verified); null when the directory has none
 */
public record SyncedUser(
        String immutableId,
        String samAccountName,
        Map<UserAttribute, Object> values,
        String onPremisesUserPrincipalName) {
    public SyncedUser {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A user whose principal name in Allot is the directory's. */
    public SyncedUser(String immutableId, String samAccountName, Map<UserAttribute, Object> values) {
        this(immutableId, samAccountName, values, text(values.get(UserAttribute.USER_PRINCIPAL_NAME)));
    }

    /** The same user with this principal name in Allot, keeping the directory's as {@code onPremises…}. */
    public SyncedUser withPrincipalName(String userPrincipalName) {
        Map<UserAttribute, Object> changed = new LinkedHashMap<>(values);
        changed.put(UserAttribute.USER_PRINCIPAL_NAME, userPrincipalName);
        return new SyncedUser(immutableId, samAccountName, changed, onPremisesUserPrincipalName);
    }

    private static String text(Object value) {
        return value instanceof String s ? s.strip() : null;
    }
}
