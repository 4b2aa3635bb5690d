package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a request names one of the API's endpoints (any but {@link ApiFallbackController}'s), as the MVC layer
 * would map it: so that access rules can refuse what exists and let what does not answer 404; and which methods a
 * path takes, so that a known path asked with another method answers 405 with them. The lookups leave the request's
 * attributes as they were.
 */
public final class Endpoints implements Predicate<HttpServletRequest> {
    private static final List<HttpMethod> METHODS =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private final Supplier<RequestMappingHandlerMapping> mapping;

    public Endpoints(Supplier<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    /** The methods the API offers on the request's path, whatever the request's own method: none for an unknown path. */
    public Set<HttpMethod> allowedMethods(HttpServletRequest request) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (HttpMethod method : METHODS) {
            if (maps(new Untouched(request, method.name()))) {
                allowed.add(method);
            }
        }
        return allowed;
    }

    @Override
    public boolean test(HttpServletRequest request) {
        return maps(new Untouched(request, null));
    }

    private boolean maps(HttpServletRequest lookup) {
        try {
            ServletRequestPathUtils.parseAndCache(lookup);
            HandlerExecutionChain chain = mapping.get().getHandler(lookup);
            return chain != null
                    && !(chain.getHandler() instanceof HandlerMethod method
                            && method.getBeanType() == ApiFallbackController.class);
        } catch (Exception e) {
            return true;
        }
    }

    /**
     * Reads the request's attributes and keeps what is set on it to itself; asked as another method (then without
     * its Accept and Content-Type headers, which only narrow which of a path's endpoints answers), when one is given.
     */
    private static final class Untouched extends HttpServletRequestWrapper {
        private static final Set<String> NARROWING = Set.of("accept", "content-type");

        private final Map<String, Object> set = new HashMap<>();
        private final Set<String> removed = new HashSet<>();
        private final String method;

        Untouched(HttpServletRequest request, String method) {
            super(request);
            this.method = method;
        }

        @Override
        public String getMethod() {
            return method == null ? super.getMethod() : method;
        }

        @Override
        public String getContentType() {
            return method == null ? super.getContentType() : null;
        }

        @Override
        public String getHeader(String name) {
            return narrowing(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return narrowing(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        private boolean narrowing(String name) {
            return method != null && name != null && NARROWING.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public Object getAttribute(String name) {
            if (removed.contains(name)) {
                return null;
            }
            Object value = set.get(name);
            return value != null ? value : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.addAll(set.keySet());
            names.removeAll(removed);
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            removed.remove(name);
            set.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            set.remove(name);
            removed.add(name);
        }
    }
}
