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
 * @param onPremises the entry's distinguished name, domain and security identifier (the time of the last sync is set
 *     when the user is written)
 */
public record SyncedUser(
        String immutableId,
        String samAccountName,
        Map<UserAttribute, Object> values,
        String onPremisesUserPrincipalName,
        OnPremisesAttributes onPremises) {
    public SyncedUser {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        onPremises = onPremises == null ? OnPremisesAttributes.NONE : onPremises.syncedAt(null);
    }

    /** A user with nothing known of its on-premises original but its ids and principal name. */
    public SyncedUser(
            String immutableId,
            String samAccountName,
            Map<UserAttribute, Object> values,
            String onPremisesUserPrincipalName) {
        this(immutableId, samAccountName, values, onPremisesUserPrincipalName, OnPremisesAttributes.NONE);
    }

    /** A user whose principal name in Allot is the directory's. */
    public SyncedUser(String immutableId, String samAccountName, Map<UserAttribute, Object> values) {
        this(immutableId, samAccountName, values, OnPremisesAttributes.NONE);
    }

    /** A user whose principal name in Allot is the directory's, with what else the directory says of it. */
    public SyncedUser(
            String immutableId,
            String samAccountName,
            Map<UserAttribute, Object> values,
            OnPremisesAttributes onPremises) {
        this(immutableId, samAccountName, values, text(values.get(UserAttribute.USER_PRINCIPAL_NAME)), onPremises);
    }

    /** The same user with this principal name in Allot, keeping the directory's as {@code onPremises…}. */
    public SyncedUser withPrincipalName(String userPrincipalName) {
        Map<UserAttribute, Object> changed = new LinkedHashMap<>(values);
        changed.put(UserAttribute.USER_PRINCIPAL_NAME, userPrincipalName);
        return new SyncedUser(immutableId, samAccountName, changed, onPremisesUserPrincipalName, onPremises);
    }

    private static String text(Object value) {
        return value instanceof String s ? s.strip() : null;
    }
}
