package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.allot.api.graph.DirectoryObjectReference;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserManagers;
import org.allot.core.directory.UserRef;
import org.allot.core.query.Entity;
import org.allot.server.security.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Graph's manager of a user: read it, set it with a {@code $ref}, remove it. */
@RestController
@RequestMapping(path = "/v1.0/users/{id}/manager", produces = "application/json")
public class ManagersController {
    private final UserManagers managers;
    private final Responses responses;

    public ManagersController(UserManagers managers, Responses responses) {
        this.managers = managers;
        this.responses = responses;
    }

    /** The manager as a directory object (a user); 404 when the user has none. */
    @GetMapping
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, UserResources.USER_PROPERTIES, ODataQuery.SELECT_ONLY);
        User manager = Refused.orRefuse(managers.manager(caller.tenant(), UserRef.of(id)));
        return responses.entity(
                request,
                "directoryObjects/$entity",
                UserResources.user(LicensedUser.withoutLicenses(manager)),
                query,
                UserResources.USER_DEFAULT);
    }

    /** 204: the user named by {@code @odata.id} is the manager now. */
    @PutMapping("/$ref")
    public ResponseEntity<Void> set(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = DirectoryObjectReference.class) @RequestBody JsonNode body) {
        UUID manager = RequestBodies.reference(body);
        Refused.orRefuse(managers.assign(caller.caller(), UserRef.of(id), manager));
        return ResponseEntity.noContent().build();
    }

    /** 204: the user has no manager now; 404 when it had none. */
    @DeleteMapping("/$ref")
    public ResponseEntity<Void> remove(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(managers.remove(caller.caller(), UserRef.of(id)));
        return ResponseEntity.noContent().build();
    }
}
