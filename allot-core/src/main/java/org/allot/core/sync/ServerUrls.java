package org.allot.core.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.allot.core.Outcome;
import org.allot.core.Rejection;

/** The servers of a connector as an administrator types them: LDAP URLs, checked and normalised. */
final class ServerUrls {
    private static final int MAX_URLS = 10;
    private static final int MAX_HOST = 253;
    private static final int MAX_LABEL = 63;
    private static final Pattern URL_SEPARATOR = Pattern.compile("[\\s,]+");

    private ServerUrls() {}

    /**
     * The URL, or several separated by spaces or commas (the domain controllers in the order they are tried), each
     * normalised; all with the same scheme.
     */
    static Outcome<String> checked(String url) {
        Rejection wrong = Rejection.invalid(
                "url must be ldap://host[:port] or ldaps://host[:port], for example ldaps://dc1.contoso.com:636, or"
                        + " several separated by spaces, tried in that order: ldaps://dc1.contoso.com"
                        + " ldaps://dc2.contoso.com.");
        if (url == null || url.isBlank()) {
            return Outcome.refused(wrong);
        }
        List<String> urls = new ArrayList<>();
        for (String one : URL_SEPARATOR.split(url.strip())) {
            String checked = one(one);
            if (checked == null) {
                return Outcome.refused(wrong);
            }
            if (!urls.contains(checked)) {
                urls.add(checked);
            }
        }
        if (urls.size() > MAX_URLS) {
            return Outcome.refused(Rejection.invalid("url names at most %d servers.", MAX_URLS));
        }
        if (urls.stream().map(u -> u.startsWith("ldaps:")).distinct().count() > 1) {
            return Outcome.refused(Rejection.invalid(
                    "The URLs must all be ldaps:// or all ldap://: the connector encrypts every server the same"
                            + " way."));
        }
        return Outcome.done(String.join(" ", urls));
    }

    /**
     * Whether DNS can hold the host name: at most 253 characters in labels of at most 63 (RFC 1035); an IPv6 literal
     * ({@code [::1]}) is checked by {@link URI} already.
     */
    private static boolean resolvable(String host) {
        if (host.startsWith("[")) {
            return true;
        }
        return host.length() <= MAX_HOST && Arrays.stream(host.split("\\.")).allMatch(l -> l.length() <= MAX_LABEL);
    }

    /** One URL normalised, or null when it is not an LDAP URL of a server. */
    private static String one(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/");
            if (!(scheme.equals("ldap") || scheme.equals("ldaps"))
                    || uri.getHost() == null
                    || !resolvable(uri.getHost())
                    || uri.getRawUserInfo() != null
                    || !pathless
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getPort() == 0
                    || uri.getPort() > 65535) {
                return null;
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
