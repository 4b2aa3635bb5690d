package org.allot.cli.api;

import java.net.URI;
import java.util.Locale;
import org.allot.cli.process.Failure;

/**
 * Where the server is, the app's client credentials, and which certificate an {@code https} server may present (a CA
 * file or a pinned fingerprint; neither: the system's authorities): what {@code allot login} keeps in the config file.
 */
public record Credentials(String url, String clientId, String clientSecret, String caFile, String fingerprint) {

    public Credentials(String url, String clientId, String clientSecret) {
        this(url, clientId, clientSecret, null, null);
    }

    public Credentials(String url, String clientId, String clientSecret, ServerTrust trust) {
        this(url, clientId, clientSecret, trust.caFile(), trust.fingerprint());
    }

    public ServerTrust trust() {
        return ServerTrust.of(caFile, fingerprint);
    }

    /** The server's base URL, checked: http or https, absolute, without a trailing slash. */
    public static String checkedUrl(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Failure.usage("'" + url + "' is not a server URL: give one like https://localhost:8443.");
    }

    /** The same credentials without the secret, for showing. */
    public String describe() {
        return clientId + " at " + url;
    }
}
