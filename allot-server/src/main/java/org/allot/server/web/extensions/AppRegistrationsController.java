package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import org.allot.api.extensions.AppRegistration;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiCaller;
import org.allot.server.security.AppRegistrations;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Apps allowed to call the API. A secret is in the response once, when created or replaced. */
@RestController
@RequestMapping(path = "/allot/v1/appRegistrations", produces = "application/json")
public class AppRegistrationsController {
    private final UnitOfWork work;
    private final AppRegistrations apps;
    private final Responses responses;

    public AppRegistrationsController(UnitOfWork work, AppRegistrations apps, Responses responses) {
        this.work = work;
        this.apps = apps;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "appRegistrations",
                work.read(() -> apps.of(caller.tenant())).stream()
                        .map(a -> view(a, null))
                        .toList());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var app = Refused.orRefuse(work.read(() -> apps.find(caller.tenant(), RequestBodies.idOrNotFound(id))));
        return responses.entity(request, "appRegistrations/$entity", view(app, null));
    }

    @PostMapping
    public ResponseEntity<ObjectNode> register(
            ApiCaller caller, @RequestBody AppRegistration body, HttpServletRequest request) {
        if (body.appId() != null || body.clientSecret() != null || body.createdDateTime() != null) {
            throw new BadRequest(
                    "appId, clientSecret and createdDateTime are generated: send displayName and role only.");
        }
        var created = Refused.orRefuse(work.run(() -> apps.register(caller.caller(), body.displayName(), body.role())));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(responses.entity(request, "appRegistrations/$entity", view(created.app(), created.secret())));
    }

    @PostMapping("/{id}/secret")
    public ObjectNode replaceSecret(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var created =
                Refused.orRefuse(work.run(() -> apps.replaceSecret(caller.caller(), RequestBodies.idOrNotFound(id))));
        return responses.entity(request, "appRegistrations/$entity", view(created.app(), created.secret()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(work.run(() -> apps.remove(caller.caller(), RequestBodies.idOrNotFound(id))));
        return ResponseEntity.noContent().build();
    }

    private static AppRegistration view(org.allot.server.security.AppRegistration app, String secret) {
        return new AppRegistration(
                app.clientId().toString(),
                app.displayName(),
                app.role().displayName(),
                app.createdAt().atOffset(ZoneOffset.UTC),
                secret);
    }
}
