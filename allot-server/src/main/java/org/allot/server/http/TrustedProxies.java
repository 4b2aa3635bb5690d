package org.allot.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Honours {@code Forwarded} and {@code X-Forwarded-*} headers (the client's address, scheme, host, port and path
 * prefix) only on requests from the reverse proxies of {@code allot.trusted-proxies}; from anyone else they are
 * dropped before anything reads them, so a client cannot pass for another address or name the host of links.
 */
public final class TrustedProxies extends OncePerRequestFilter {
    public static final String PROPERTY = "allot.trusted-proxies";

    private final List<IpAddressMatcher> proxies;
    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter drop = new ForwardedHeaderFilter();

    private TrustedProxies(List<IpAddressMatcher> proxies) {
        this.proxies = proxies;
        drop.setRemoveOnly(true);
    }

    /** @param addresses IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); none trusts nobody */
    public static TrustedProxies of(List<String> addresses) {
        return new TrustedProxies(
                addresses == null
                        ? List.of()
                        : addresses.stream()
                                .map(String::strip)
                                .filter(a -> !a.isEmpty())
                                .map(TrustedProxies::matcher)
                                .toList());
    }

    private static IpAddressMatcher matcher(String address) {
        try {
            return new IpAddressMatcher(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + ": '" + address + "' is not an IP address or a CIDR range such as 10.0.0.0/8", e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted(request.getRemoteAddr())) {
            request.setAttribute(PublicUrl.FORWARDED, true);
            honour.doFilter(request, response, chain);
        } else {
            drop.doFilter(request, response, chain);
        }
    }

    private boolean trusted(String address) {
        if (address == null) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
