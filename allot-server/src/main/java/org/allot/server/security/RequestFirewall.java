package org.allot.server.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its default rules, checked without regular expressions: the header names
 * and values and the parameter names a request reads are checked each time they are read (the bearer token among
 * them, hundreds of characters at every API request), which its default patterns do in a regular expression per
 * value. The rules are the same: names hold only assigned, non-control characters; header values too, tabs allowed.
 */
public final class RequestFirewall {
    private RequestFirewall() {}

    public static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestFirewall::allowedName);
        firewall.setAllowedParameterNames(RequestFirewall::allowedName);
        firewall.setAllowedHeaderValues(RequestFirewall::allowedHeaderValue);
        return firewall;
    }

    /** As {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}: every character assigned and none a control character. */
    static boolean allowedName(String value) {
        return allowed(value, false);
    }

    /** As {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: the same, tabs allowed. */
    static boolean allowedHeaderValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String value, boolean tabs) {
        int length = value.length();
        int i = 0;
        while (i < length) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int point = value.codePointAt(i);
            boolean control = Character.getType(point) == Character.CONTROL;
            if ((control && !(tabs && point == '\t')) || Character.getType(point) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(point);
        }
        return true;
    }
}
