package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers API requests no endpoint takes, in Graph's shape (the most specific mapping always wins over this one):
 * 405 with the methods it takes ({@code Allow}) for a known path asked with another method, as Graph answers
 * {@code PUT /users/{id}}, and 404 otherwise; also where an OAuth server's endpoints would be and Allot offers none
 * ({@code /oauth2/authorize}, introspection, revocation).
 */
@RestController
public class ApiFallbackController {
    private final Endpoints endpoints;

    public ApiFallbackController(ApplicationContext context) {
        this.endpoints = new Endpoints(
                () -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
    }

    @RequestMapping({"/v1.0/**", "/allot/v1/**", "/oauth2/**", "/.well-known/**", "/discovery/**"})
    public void unknown(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<HttpMethod> allowed = endpoints.allowedMethods(request);
        HttpMethod own = HttpMethod.valueOf(request.getMethod());
        // a method the path takes lands here only when no endpoint produces what Accept asks for: left as it was, 404
        boolean taken = allowed.contains(own) || (own.equals(HttpMethod.HEAD) && allowed.contains(HttpMethod.GET));
        if (!allowed.isEmpty() && !taken) {
            throw new HttpRequestMethodNotSupportedException(
                    request.getMethod(), allowed.stream().map(HttpMethod::name).toList());
        }
        throw new Refused(org.allot.core.Rejection.notFound(request.getMethod() + " " + request.getRequestURI()));
    }
}
