package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.server.security.ApiAccess;
import org.allot.server.security.ApiCaller;
import org.springframework.security.access.AccessDeniedException;

/**
 * The break-glass override of the group-only policy on a direct assignment (docs/delegation.md): the query parameter
 * {@code overrideGroupOnly=true}, honoured only for a caller whose role grants it (403 otherwise).
 */
public final class GroupOnlyOverride {
    public static final String PARAMETER = "overrideGroupOnly";

    private GroupOnlyOverride() {}

    /** Whether the request overrides the policy; a bad value is a bad request, a caller without the permission 403. */
    public static boolean asked(ApiCaller caller, HttpServletRequest request) {
        String value = request.getParameter(PARAMETER);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (!value.equalsIgnoreCase("true")) {
            throw new BadRequest("'" + PARAMETER + "' must be true or false.");
        }
        if (!ApiAccess.mayOverrideGroupOnly(caller.roles())) {
            throw new AccessDeniedException("overriding the group-only policy");
        }
        return true;
    }
}
