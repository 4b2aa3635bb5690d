package org.allot.server.config;

import java.time.Clock;
import org.allot.server.security.tls.CertificateNames;
import org.allot.server.security.tls.HttpsRedirect;
import org.allot.server.security.tls.PlainHttp;
import org.allot.server.security.tls.SelfSignedCertificate;
import org.allot.server.security.tls.ServerCertificate;
import org.allot.server.security.tls.Transport;
import org.allot.server.web.SecurityHeaders;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * HTTPS out of the box: the certificate of {@code allot.tls.certificate}, else Spring Boot's own {@code server.ssl}
 * settings if given, else one generated at first start into the data directory; on port 8443 unless
 * {@code server.port} is set; plain HTTP beside it off, redirected or served on loopback; with
 * {@code allot.tls.enabled=false}, plain HTTP only (port 8080), for a reverse proxy that ends TLS.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfig {
    static final int HTTPS_PORT = 8443;
    private static final String BUNDLE = "allot-server";

    @Bean
    Transport transport(AllotProperties properties, ServerProperties server, SslBundles bundles, Clock clock) {
        AllotProperties.Tls tls = properties.tls();
        if (Ssl.isEnabled(server.getSsl())) {
            SslBundle configured = WebServerSslBundle.get(server.getSsl(), bundles);
            return new Transport(
                    ServerCertificate.fromKeyStore(
                            configured.getStores().getKeyStore(),
                            configured.getKey().getAlias(),
                            "Spring Boot's server.ssl settings"),
                    false,
                    tls.http(),
                    tls.httpPort());
        }
        if (!tls.enabled()) {
            return Transport.plainOnly();
        }
        if ((tls.certificate() == null) != (tls.privateKey() == null)) {
            throw new IllegalStateException("allot.tls.certificate and allot.tls.private-key go together: give both"
                    + " (PEM files), or neither for a generated self-signed certificate.");
        }
        ServerCertificate certificate = tls.certificate() != null
                ? ServerCertificate.fromPemFiles(tls.certificate(), tls.privateKey(), tls.privateKeyPassword())
                : SelfSignedCertificate.obtain(
                        properties.dataDirectory().resolve("tls"),
                        CertificateNames.forThisMachine(tls.hostnames()),
                        clock);
        return new Transport(certificate, true, tls.http(), tls.httpPort());
    }

    /** After Spring Boot's own customizers (which set the port and {@code server.ssl}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> transportConnectors(
            Transport transport, Environment environment) {
        return new TransportConnectors(transport, environment);
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private record TransportConnectors(Transport transport, Environment environment)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            if (!transport.https()) {
                return;
            }
            if (transport.servedByAllot()) {
                factory.setSsl(Ssl.forBundle(BUNDLE));
                factory.setSslBundles(new DefaultSslBundleRegistry(
                        BUNDLE, transport.certificate().sslBundle()));
            }
            if (!environment.containsProperty("server.port")) {
                factory.setPort(HTTPS_PORT);
            }
            if (transport.plainHttp() != PlainHttp.OFF) {
                factory.addAdditionalConnectors(plainConnector(factory));
            }
            if (transport.plainHttp() == PlainHttp.REDIRECT) {
                factory.addContextValves(new HttpsRedirect());
            }
        }

        /** Plain HTTP with the same limits as the main connector; served on loopback only. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Connector plainConnector(TomcatServletWebServerFactory factory) {
            Connector plain = new Connector(factory.getProtocol());
            plain.setPort(transport.plainHttpPort());
            plain.setScheme("http");
            plain.setSecure(false);
            if (transport.plainHttp() == PlainHttp.SERVE) {
                plain.setProperty("address", "127.0.0.1");
            }
            factory.getConnectorCustomizers().forEach(c -> c.customize(plain));
            for (TomcatProtocolHandlerCustomizer customizer : factory.getProtocolHandlerCustomizers()) {
                customizer.customize(plain.getProtocolHandler());
            }
            return plain;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
