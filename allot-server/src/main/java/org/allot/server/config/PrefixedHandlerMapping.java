package org.allot.server.config;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
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
 *
 * <p>A literal path ({@code /v1.0/users}, {@code /v1.0/organization}) is first looked up among the mappings that
 * list it as one of their literal paths, which Spring MVC prefers to any pattern: when one of them matches, no other
 * mapping is tried. Otherwise the mappings a path can match at all are found by its beginnings ({@code ""}, {@code /v1.0},
 * {@code /v1.0/users}, … up to the whole path) in an index of the mappings by their literal beginnings, so a path
 * with a variable is tried against a handful of mappings, not every one of the server's, and the best of those that
 * match is chosen by Spring MVC's own rules (literal paths first, then the mappings' comparison), which is its answer
 * since no other mapping's patterns can match the path. When none matches, two are equally good, or the request is
 * a CORS pre-flight, Spring MVC's own lookup decides, as above.
 */
final class PrefixedHandlerMapping extends RequestMappingHandlerMapping {
    private static final ThreadLocal<String> PATH = new ThreadLocal<>();

    /** Each mapping's literal beginnings, from its patterns (which are fixed once it is registered). */
    private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

    /**
     * The registered mappings by literal beginning, and by literal path; null until the first lookup after a
     * registration.
     */
    private volatile Index index;

    /** The registered mappings by literal beginning ({@code byBeginning}) and by literal path ({@code byPath}). */
    private record Index(Map<String, List<Candidate>> byBeginning, Map<String, List<Candidate>> byPath) {}

    /** A registered mapping and its handler. */
    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {}

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (lookupPath.indexOf('%') < 0) {
            HandlerMethod best = bestMatch(lookupPath, request);
            if (best != null) {
                return best;
            }
        }
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

    /**
     * The handler Spring MVC would choose among the mappings the path can match, after Spring MVC's bookkeeping, or
     * null to let Spring MVC's own lookup decide: when none matches (404, 405, …), when two are equally good (its
     * error), and for CORS pre-flight requests. As Spring MVC does, mappings whose literal paths include the path
     * come first, and of several matches the best by the mappings' comparison wins.
     */
    private HandlerMethod bestMatch(String path, HttpServletRequest request) {
        Index mappings = index();
        // the mappings whose literal paths include the path, alone, when one of them matches (as Spring MVC does)
        List<Candidate> matches = matching(mappings.byPath().getOrDefault(path, List.of()), request);
        if (matches.isEmpty()) {
            for (int end = 0; end >= 0; end = nextBeginning(path, end)) {
                List<Candidate> candidates = mappings.byBeginning().get(path.substring(0, end));
                if (candidates != null) {
                    matches.addAll(matching(candidates, request));
                }
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        Candidate best = matches.get(0);
        if (matches.size() > 1) {
            if (CorsUtils.isPreFlightRequest(request)) {
                return null;
            }
            Comparator<RequestMappingInfo> comparison = getMappingComparator(request);
            matches.sort((a, b) -> comparison.compare(a.info(), b.info()));
            best = matches.get(0);
            if (comparison.compare(best.info(), matches.get(1).info()) == 0) {
                return null;
            }
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.info(), path, request);
        return best.handler();
    }

    /** The candidates that match the request, each with its conditions narrowed to the request. */
    private List<Candidate> matching(List<Candidate> candidates, HttpServletRequest request) {
        List<Candidate> matched = new ArrayList<>(2);
        for (Candidate candidate : candidates) {
            RequestMappingInfo match = super.getMatchingMapping(candidate.info(), request);
            if (match != null) {
                matched.add(new Candidate(match, candidate.handler()));
            }
        }
        return matched;
    }

    /** Where the path's next possible beginning ends (its next {@code /}, or its end), or -1 after its end. */
    static int nextBeginning(String path, int end) {
        if (end >= path.length()) {
            return -1;
        }
        int slash = path.indexOf('/', end + 1);
        return slash < 0 ? path.length() : slash;
    }

    private Index index() {
        Index built = index;
        if (built == null) {
            Map<String, List<Candidate>> byBeginning = new HashMap<>();
            Map<String, List<Candidate>> byPath = new HashMap<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                    getHandlerMethods().entrySet()) {
                Candidate candidate = new Candidate(e.getKey(), e.getValue());
                for (String b : new LinkedHashSet<>(List.of(beginnings(e.getKey())))) {
                    byBeginning.computeIfAbsent(b, k -> new ArrayList<>()).add(candidate);
                }
                for (String path : getDirectPaths(e.getKey())) {
                    byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(candidate);
                }
            }
            built = new Index(byBeginning, byPath);
            index = built;
        }
        return built;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
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
