package org.allot.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer, set before anything else can answer: no {@code Referer} leaves the admin center or the API
 * (their URLs name users and groups); the browser features no page uses are off; and over HTTPS only, Strict Transport
 * Security for a year (for this host alone: Allot knows nothing of its subdomains). Spring Security's own header
 * writers leave a header already set alone.
 */
public final class SecurityHeaders extends OncePerRequestFilter {
    public static final String REFERRER_POLICY = "no-referrer";
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(),"
            + " magnetometer=(), microphone=(), payment=(), usb=()";
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        chain.doFilter(request, response);
    }
}
