package org.allot.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URL clients use to reach the server, from which links ({@code @odata.nextLink}, {@code @odata.context}), the
 * OAuth metadata and the tokens' issuer are built, never from the {@code Host} header a client may forge: {@code
 * allot.public-url} when set; otherwise, for a request a trusted proxy forwarded ({@link TrustedProxies}), the URL
 * that proxy says the client used; otherwise the server's own address (its host name and port).
 */
public final class PublicUrl {
    public static final String PROPERTY = "allot.public-url";
    /** Marks a request a trusted proxy forwarded: its scheme, host and port are the ones the client used. */
    static final String FORWARDED = PublicUrl.class.getName() + ".FORWARDED";

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final URI configured;
    private volatile URI own = URI.create("http://localhost");

    private PublicUrl(URI configured) {
        this.configured = configured;
    }

    /** @param configured {@code allot.public-url}: {@code https://host[:port]}; null or blank to use the server's own */
    public static PublicUrl of(String configured) {
        if (configured == null || configured.isBlank()) {
            return new PublicUrl(null);
        }
        URI uri;
        try {
            uri = new URI(configured.strip());
        } catch (URISyntaxException e) {
            throw invalid(configured);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if ((!scheme.equals("https") && !scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !(path.isEmpty() || path.equals("/"))) {
            throw invalid(configured);
        }
        return new PublicUrl(URI.create(scheme + "://" + uri.getRawAuthority()));
    }

    private static IllegalArgumentException invalid(String configured) {
        return new IllegalArgumentException(PROPERTY + " must be the scheme, host and port clients use, such as"
                + " https://allot.example.com or https://allot.example.com:8443 (no path), not '" + configured + "'");
    }

    /** The server listens: without {@code allot.public-url}, its own address is the public one. */
    public void listening(String scheme, int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        own = URI.create(scheme + "://" + host + ":" + port);
        if (configured == null) {
            log.info(
                    "Links and token issuers name {} (the server's own address): set {} to the URL clients use"
                            + " (the same on every server sharing the database)",
                    own,
                    PROPERTY);
        } else {
            log.info("Links and token issuers name {}", configured);
        }
    }

    /** The public URL when no trusted proxy says otherwise: {@code allot.public-url}, or the server's own address. */
    public String base() {
        return (configured != null ? configured : own).toString();
    }

    /** The URL clients use for this request: scheme, host, port and the server's context path, no slash at the end. */
    public String of(HttpServletRequest request) {
        return base(request).replacePath(request.getContextPath()).build().toUriString();
    }

    /** The issuer of tokens of a tenant, as Entra's v2 tokens name theirs. */
    public String issuer(HttpServletRequest request, String tenantId) {
        return of(request) + "/" + tenantId + "/v2.0";
    }

    /** The request's own URL (path and query as sent) at the public URL. */
    public UriComponentsBuilder requestUrl(HttpServletRequest request) {
        URI base = base(request).build().toUri();
        return ServletUriComponentsBuilder.fromRequest(request)
                .scheme(base.getScheme())
                .host(base.getHost())
                .port(base.getPort());
    }

    /**
     * The request as if it had been sent to the public URL (its scheme, host and port), for code that builds URLs
     * from the request it is given (the authorization server's issuer and metadata). Whether it came over TLS is
     * left as it was.
     */
    public HttpServletRequest asSentToIt(HttpServletRequest request) {
        URI base = base(request).build().toUri();
        int port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getScheme() {
                return base.getScheme();
            }

            @Override
            public String getServerName() {
                return base.getHost();
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(base.getScheme() + "://" + base.getRawAuthority() + getRequestURI());
            }
        };
    }

    private UriComponentsBuilder base(HttpServletRequest request) {
        if (configured != null) {
            return UriComponentsBuilder.fromUri(configured);
        }
        if (request.getAttribute(FORWARDED) != null) {
            int port = request.getServerPort();
            boolean usual = port == ("https".equals(request.getScheme()) ? 443 : 80);
            return UriComponentsBuilder.newInstance()
                    .scheme(request.getScheme())
                    .host(request.getServerName())
                    .port(usual ? -1 : port);
        }
        return UriComponentsBuilder.fromUri(own);
    }
}
