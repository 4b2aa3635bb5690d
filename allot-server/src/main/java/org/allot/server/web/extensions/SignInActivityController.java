package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.allot.api.extensions.SignInActivityResource;
import org.allot.api.extensions.SignInImport;
import org.allot.core.Rejection;
import org.allot.core.directory.UserRef;
import org.allot.core.reclaim.SignInActivity;
import org.allot.core.reclaim.UserActivity;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.Responses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users' sign-in activity, the signal reclaim reads (docs/license-lifecycle.md, "Reclaim"). Graph's
 * {@code signInActivity} is read-only, filled by Entra's sign-in logs; Allot has no sign-ins of its own, so it is set
 * here, one user at a time or imported from an identity provider's log in bulk.
 */
@RestController
public class SignInActivityController {
    private final SignInActivity activity;
    private final Responses responses;

    public SignInActivityController(SignInActivity activity, Responses responses) {
        this.activity = activity;
        this.responses = responses;
    }

    @GetMapping(path = "/allot/v1/users/{id}/signInActivity", produces = "application/json")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        UserActivity found =
                activity.of(caller.tenant(), UserRef.of(id)).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "users('" + id + "')/signInActivity", resource(found));
    }

    @PutMapping(path = "/allot/v1/users/{id}/signInActivity", produces = "application/json")
    public ObjectNode set(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody SignInActivityResource body,
            HttpServletRequest request) {
        if (body.lastSignInDateTime() == null) {
            throw new BadRequest("Send 'lastSignInDateTime'.");
        }
        UserActivity set = Refused.orRefuse(activity.set(
                caller.caller(),
                new SignInActivity.SignIn(
                        UserRef.of(id), body.lastSignInDateTime().toInstant())));
        return responses.entity(request, "users('" + id + "')/signInActivity", resource(set));
    }

    /** Sets every listed user's last sign-in, all or nothing; answers how many users were set. */
    @PostMapping(path = "/allot/v1/signInActivity/import", produces = "application/json")
    public ObjectNode importAll(ApiCaller caller, @RequestBody SignInImport body, HttpServletRequest request) {
        if (body.value() == null) {
            throw new BadRequest("Send the sign-ins as 'value': a list of users with their 'lastSignInDateTime'.");
        }
        List<SignInActivity.SignIn> signIns = new ArrayList<>(body.value().size());
        int line = 0;
        for (SignInImport.Entry e : body.value()) {
            line++;
            if (e == null || (e.id() == null) == (e.userPrincipalName() == null) || e.lastSignInDateTime() == null) {
                throw new BadRequest("Sign-in " + line
                        + ": name the user with 'id' or 'userPrincipalName' and give 'lastSignInDateTime'.");
            }
            signIns.add(new SignInActivity.SignIn(
                    UserRef.of(e.id() != null ? e.id() : e.userPrincipalName()),
                    e.lastSignInDateTime().toInstant()));
        }
        int set = Refused.orRefuse(activity.importAll(caller.caller(), signIns));
        return responses.entity(request, "signInActivity/import", new Imported(set));
    }

    /** How many users an import set. */
    record Imported(int users) {}

    static SignInActivityResource resource(UserActivity a) {
        return new SignInActivityResource(
                time(a.lastSignInDateTime()),
                time(a.lastSignInDateTime()),
                null,
                time(a.lastLogonTimestamp()),
                time(a.disabledSince()));
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
