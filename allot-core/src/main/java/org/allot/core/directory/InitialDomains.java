package org.allot.core.directory;

import java.util.Locale;
import java.util.function.Predicate;
import org.allot.core.TenantId;

/**
 * The initial domain Allot gives a tenant, as Entra gives {@code contoso.onmicrosoft.com}: the tenant's name made a DNS
 * label under {@value #SUFFIX} ({@code contoso.allot.local}), or, when another tenant already has that one, the label
 * with the start of the tenant's id ({@code contoso-1a2b3c4d.allot.local}). The migration that gave existing tenants
 * theirs ({@code V35__tenant_domains.sql}) follows the same rule.
 */
public final class InitialDomains {
    /** The parent of every initial domain; no tenant may add a domain under it. */
    public static final String SUFFIX = "allot.local";

    private static final int MAX_LABEL = 40;

    private InitialDomains() {}

    /** The initial domain for a new tenant; {@code free} tells whether no tenant has a domain yet. */
    static String choose(String name, TenantId id, Predicate<String> free) {
        String label = label(name);
        String plain = label + "." + SUFFIX;
        if (free.test(plain)) {
            return plain;
        }
        return label + "-" + id.value().toString().replace("-", "").substring(0, 8) + "." + SUFFIX;
    }

    /** Whether the domain is {@value #SUFFIX} or under it. */
    public static boolean reserved(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return d.equals(SUFFIX) || d.endsWith("." + SUFFIX);
    }

    /** The name in lower case, each run of other characters than a-z and 0-9 one hyphen, at most 40 characters. */
    static String label(String name) {
        String label = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        label = trimHyphens(label);
        if (label.length() > MAX_LABEL) {
            label = trimHyphens(label.substring(0, MAX_LABEL));
        }
        return label.isEmpty() ? "tenant" : label;
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
