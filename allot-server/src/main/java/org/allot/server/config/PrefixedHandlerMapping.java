package org.allot.server.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of requests to controllers, which tries a path with a variable ({@code
 * /v1.0/users/{id}/assignLicense}) against every one of the server's mappings in turn, evaluating each one's method,
 * parameter, header, media-type and path conditions: here a mapping none of whose path patterns' literal beginnings
 * (up to the last {@code /} before a variable or wildcard, {@code /v1.0/users}) the path starts with is passed over
 * at once, since its patterns cannot match it. A path with an escape ({@code %}) is matched as Spring MVC does, by
 * every condition (its patterns match the decoded path). What is found, and the 404 and 405 answers when nothing is,
 * do not change.
 */
final class PrefixedHandlerMapping extends RequestMappingHandlerMapping {
    private static final ThreadLocal<String> PATH = new ThreadLocal<>();

    /** Each mapping's literal beginnings, from its patterns (which are fixed once it is registered). */
    private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = PATH.get();
        PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                PATH.remove();
            } else {
                PATH.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = PATH.get();
        if (path != null
                && !startsWithOne(path, beginnings.computeIfAbsent(info, PrefixedHandlerMapping::beginnings))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithOne(String path, String[] beginnings) {
        for (String b : beginnings) {
            if (path.startsWith(b)) {
                return true;
            }
        }
        return false;
    }

    private static String[] beginnings(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new String[] {""};
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(PrefixedHandlerMapping::beginning)
                .toArray(String[]::new);
    }

    /**
     * What every path a pattern matches starts with: the pattern up to (without) the last {@code /} before its
     * first variable or wildcard, or before its end ({@code /a/{*rest}} matches {@code /a}, and a pattern may match
     * a path with a trailing slash or none).
     */
    static String beginning(String pattern) {
        int special = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                special = i;
                break;
            }
        }
        int slash = special == 0 ? -1 : pattern.lastIndexOf('/', special - 1);
        return slash <= 0 ? "" : pattern.substring(0, slash);
    }
}
