package org.allot.server.security.tls;

/**
 * How clients reach the server: HTTPS with a certificate (or plain HTTP only, for a reverse proxy that ends TLS), and
 * what a plain HTTP listener beside HTTPS does.
 *
 * @param certificate what HTTPS presents; null when the server speaks plain HTTP only
 * @param servedByAllot whether Allot configures HTTPS with the certificate (false: Spring Boot's {@code server.ssl}
 *     settings do)
 * @param plainHttp what a plain HTTP listener beside HTTPS does
 * @param plainHttpPort its port (0: a free one)
 */
public record Transport(ServerCertificate certificate, boolean servedByAllot, PlainHttp plainHttp, int plainHttpPort) {

    /** Plain HTTP only, on the server's port. */
    public static Transport plainOnly() {
        return new Transport(null, false, PlainHttp.OFF, -1);
    }

    public boolean https() {
        return certificate != null;
    }
}
