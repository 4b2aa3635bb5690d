package org.allot.cli.api;

import java.net.URI;
import java.util.Locale;
import org.allot.cli.Failure;

/** Where the server is and the app's client credentials; what {@code allot login} keeps in the config file. */
public record Credentials(String url, String clientId, String clientSecret) {

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
        throw Failure.usage("'" + url + "' is not a server URL: give one like http://localhost:8080.");
    }

    /** The same credentials without the secret, for showing. */
    public String describe() {
        return clientId + " at " + url;
    }
}
