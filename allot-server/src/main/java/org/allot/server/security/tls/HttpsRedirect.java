package org.allot.server.security.tls;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers every request that did not come over HTTPS with 308 Permanent Redirect to the same path and query on the
 * HTTPS port (the method and body are kept by clients that follow it). The request is not read further: a token sent
 * in the clear is not accepted, and the answer carries nothing but the new location.
 */
public final class HttpsRedirect extends ValveBase {

    public HttpsRedirect() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.isSecure()) {
            getNext().invoke(request, response);
            return;
        }
        int port = httpsPort(request);
        String query = request.getQueryString();
        String location = "https://" + host(request.getServerName()) + (port == 443 ? "" : ":" + port)
                + request.getRequestURI() + (query == null ? "" : "?" + query);
        response.setStatus(308);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    private static int httpsPort(Request request) {
        for (Connector connector : request.getConnector().getService().findConnectors()) {
            if ("https".equals(connector.getScheme())) {
                return connector.getLocalPort();
            }
        }
        throw new IllegalStateException("a redirect to HTTPS, but no HTTPS connector");
    }

    private static String host(String name) {
        return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    }
}
