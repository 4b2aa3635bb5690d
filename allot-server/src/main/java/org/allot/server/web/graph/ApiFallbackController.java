package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers API requests no endpoint takes, in Graph's shape (the most specific mapping always wins over this one):
 * also where an OAuth server's endpoints would be and Allot offers none ({@code /oauth2/authorize}, introspection,
 * revocation).
 */
@RestController
public class ApiFallbackController {

    @RequestMapping({"/v1.0/**", "/allot/v1/**", "/oauth2/**", "/.well-known/**", "/discovery/**"})
    public void unknown(HttpServletRequest request) {
        throw new Refused(org.allot.core.Rejection.notFound(request.getMethod() + " " + request.getRequestURI()));
    }
}
