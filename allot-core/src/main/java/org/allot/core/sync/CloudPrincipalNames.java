package org.allot.core.sync;

import java.util.Locale;
import java.util.regex.Pattern;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.User;

/**
 * A synced user's principal name in the tenant, as Entra Connect chooses it: the directory's own when its domain is
 * verified in the tenant; otherwise (or when the directory gives none) its prefix, or the account name, on the tenant's
 * initial domain, as Entra Connect falls back to {@code onmicrosoft.com}. The directory's name is kept as
 * {@code onPremisesUserPrincipalName}, so the user gets it back at the first sync after its domain is added.
 */
final class CloudPrincipalNames {
    private CloudPrincipalNames() {}

    /**
     * The user as Allot names it. {@code current} is the user Allot has for it, if any: a fallback name it already has
     * for the same prefix (with the digits a clash may have added) is kept, so it does not change at every run.
     */
    static SyncedUser apply(Tenant tenant, SyncedUser synced, User current) {
        String onPremises = synced.onPremisesUserPrincipalName();
        int at = onPremises == null ? -1 : onPremises.lastIndexOf('@');
        if (at > 0 && tenant.hasVerifiedDomain(onPremises.substring(at + 1))) {
            return synced;
        }
        String prefix = at > 0 ? onPremises.substring(0, at) : onPremises;
        if (prefix == null || prefix.isBlank()) {
            prefix = synced.samAccountName();
        }
        if (prefix == null || prefix.isBlank() || tenant.initialDomain() == null) {
            return synced;
        }
        prefix = prefix.strip();
        String fallback = prefix + "@" + tenant.initialDomain();
        if (current != null && keeps(current.userPrincipalName(), prefix, tenant.initialDomain())) {
            fallback = current.userPrincipalName();
        }
        return synced.withPrincipalName(fallback);
    }

    private static boolean keeps(String current, String prefix, String initialDomain) {
        int at = current.lastIndexOf('@');
        if (at < 0 || !current.substring(at + 1).equalsIgnoreCase(initialDomain)) {
            return false;
        }
        String local = current.substring(0, at).toLowerCase(Locale.ROOT);
        return Pattern.compile(Pattern.quote(prefix.toLowerCase(Locale.ROOT)) + "(?:[0-9]{4})?")
                .matcher(local)
                .matches();
    }
}
