package org.allot.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.allot.server.http.PublicUrl;
import org.allot.server.security.Bootstrap;
import org.allot.server.security.tls.PlainHttp;
import org.allot.server.security.tls.ServerCertificate;
import org.allot.server.security.tls.Transport;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the server where it listens (its first line, "Allot is listening on URL", is what scripts and
 * tests wait for), the fingerprint of the certificate HTTPS presents and how to trust it, and where its data is.
 */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {
    private final AllotProperties properties;
    private final Transport transport;
    private final PublicUrl publicUrl;

    StartupBanner(AllotProperties properties, Transport transport, PublicUrl publicUrl) {
        this.properties = properties;
        this.transport = transport;
        this.publicUrl = publicUrl;
    }

    @Override
    @SuppressForbidden("the banner is for the person who started the server, on its console, not in the log")
    public void onApplicationEvent(ApplicationReadyEvent event) {
        WebServer server =
                event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer() : null;
        String url =
                (transport.https() ? "https" : "http") + "://localhost:" + (server == null ? -1 : server.getPort());
        StringBuilder banner =
                new StringBuilder("\nAllot is listening on ").append(url).append('\n');
        if (transport.https()) {
            ServerCertificate certificate = transport.certificate();
            line(banner, "certificate SHA-256 fingerprint", certificate.fingerprint());
            line(
                    banner,
                    "certificate",
                    certificate.origin() + (certificate.file() == null ? "" : ", " + certificate.file()));
            if (certificate.selfSigned() && certificate.file() != null) {
                line(
                        banner,
                        "trust it",
                        "curl --cacert " + certificate.file() + " " + url + "/…  or  allot login --url " + url
                                + " --fingerprint " + certificate.fingerprint());
            }
            line(banner, "plain HTTP", plainHttp(server));
        } else {
            line(banner, "TLS", "off (allot.tls.enabled=false): plain HTTP only, for a reverse proxy that ends TLS");
        }
        String database = properties.database().embedded()
                ? "embedded PostgreSQL, data in "
                        + properties.dataDirectory().toAbsolutePath().normalize()
                : properties.database().url();
        line(
                banner,
                "public URL",
                publicUrl.base()
                        + (properties.publicUrl() == null
                                        || properties.publicUrl().isBlank()
                                ? " (the server's own address; set allot.public-url to the URL clients use)"
                                : ""));
        line(banner, "database", database);
        line(banner, "demo tenant", properties.demo().enabled() ? "Contoso (contoso.com)" : "off");
        Path credentials = properties
                .dataDirectory()
                .resolve(Bootstrap.CREDENTIALS_FILE)
                .toAbsolutePath()
                .normalize();
        if (Files.exists(credentials)) {
            line(banner, "first-start credentials", credentials + " (delete it once they are kept safe)");
        }
        System.out.println(banner);
    }

    private String plainHttp(WebServer server) {
        if (transport.plainHttp() == PlainHttp.OFF) {
            return "off";
        }
        int port = transport.plainHttpPort();
        if (server instanceof TomcatWebServer tomcat) {
            for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
                if ("http".equals(connector.getScheme())) {
                    port = connector.getLocalPort();
                }
            }
        }
        return transport.plainHttp() == PlainHttp.REDIRECT
                ? "http://localhost:" + port + " redirects to HTTPS"
                : "http://127.0.0.1:" + port + " served on this machine only (for a reverse proxy that ends TLS)";
    }

    private static void line(StringBuilder banner, String label, String value) {
        banner.append("  ").append(label).append(": ").append(value).append('\n');
    }
}
