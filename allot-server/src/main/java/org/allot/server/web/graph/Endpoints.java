package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a request names one of the API's endpoints (any but {@link ApiFallbackController}'s), as the MVC layer
 * would map it: so that access rules can refuse what exists and let what does not answer 404. The lookup leaves the
 * request's attributes as they were.
 */
public final class Endpoints implements Predicate<HttpServletRequest> {
    private final Supplier<RequestMappingHandlerMapping> mapping;

    public Endpoints(Supplier<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public boolean test(HttpServletRequest request) {
        HttpServletRequest lookup = new Untouched(request);
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

    /** Reads the request's attributes and keeps what is set on it to itself. */
    private static final class Untouched extends HttpServletRequestWrapper {
        private final Map<String, Object> set = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        Untouched(HttpServletRequest request) {
            super(request);
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
