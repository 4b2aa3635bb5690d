package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Rejection;
import org.allot.core.notification.ChangeNotifications;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.SubscriptionRequest;
import org.allot.server.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's change notifications ({@code /subscriptions}): create (after the validation handshake), read, list, renew
 * ({@code PATCH} of {@code expirationDateTime}, which also reauthorizes), reauthorize and delete subscriptions to changes
 * of users and groups, and of Allot's license assignments ({@code /allot/v1/…licenseAssignments}).
 */
@RestController
@RequestMapping(path = "/v1.0/subscriptions", produces = "application/json")
public class ChangeSubscriptionsController {
    private static final String TYPE = "microsoft.graph.subscription";
    /** Properties Graph accepts that change nothing here (rich notifications are refused below). */
    private static final Set<String> IGNORED = Set.of(
            "latestSupportedTlsVersion",
            "notificationQueryOptions",
            "notificationUrlAppId",
            "encryptionCertificate",
            "encryptionCertificateId",
            "@odata.type");

    private final ChangeNotifications notifications;
    private final Responses responses;

    public ChangeSubscriptionsController(ChangeNotifications notifications, Responses responses) {
        this.notifications = notifications;
        this.responses = responses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode create(
            ApiCaller caller,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request,
            HttpServletResponse response) {
        ChangeSubscription created = Refused.orRefuse(notifications.create(caller.caller(), request(body)));
        response.setHeader("Location", "/v1.0/subscriptions/" + created.id());
        return entity(request, created);
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "subscriptions",
                notifications.list(caller.tenant()).stream()
                        .map(ChangeSubscriptionsController::view)
                        .toList());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        UUID uuid = RequestBodies.idOrNotFound(id);
        return entity(
                request,
                notifications.find(caller.tenant(), uuid).orElseThrow(() -> new Refused(Rejection.notFound(id))));
    }

    @PatchMapping("/{id}")
    public ObjectNode renew(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        UUID uuid = RequestBodies.idOrNotFound(id);
        RequestBodies.requireObject(body);
        String expiration = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            switch (field.getKey()) {
                case "expirationDateTime" -> expiration = text(field.getValue(), field.getKey());
                case "@odata.type" -> RequestBodies.requireType(field.getValue(), TYPE);
                default -> throw new BadRequest("Only 'expirationDateTime' can be updated on a subscription.");
            }
        }
        return entity(request, Refused.orRefuse(notifications.renew(caller.caller(), uuid, expiration)));
    }

    /** Graph's {@code reauthorize}: answers a {@code reauthorizationRequired} challenge; 204. */
    @PostMapping("/{id}/reauthorize")
    public ResponseEntity<Void> reauthorize(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(notifications.reauthorize(caller.caller(), RequestBodies.idOrNotFound(id)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(notifications.delete(caller.caller(), RequestBodies.idOrNotFound(id)));
        return ResponseEntity.noContent().build();
    }

    private ObjectNode entity(HttpServletRequest request, ChangeSubscription subscription) {
        return responses.entity(request, "subscriptions/$entity", view(subscription));
    }

    static SubscriptionRequest request(JsonNode body) {
        RequestBodies.requireObject(body);
        String changeType = null;
        String notificationUrl = null;
        String lifecycleUrl = null;
        String resource = null;
        String expiration = null;
        String clientState = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "changeType" -> changeType = text(value, name);
                case "notificationUrl" -> notificationUrl = text(value, name);
                case "lifecycleNotificationUrl" -> lifecycleUrl = value.isNull() ? null : text(value, name);
                case "resource" -> resource = text(value, name);
                case "expirationDateTime" -> expiration = text(value, name);
                case "clientState" -> clientState = value.isNull() ? null : text(value, name);
                case "includeResourceData" -> {
                    if (value.asBoolean(false)) {
                        throw new BadRequest("Rich notifications (includeResourceData) are not supported.");
                    }
                }
                default -> {
                    if (!IGNORED.contains(name)) {
                        throw RequestBodies.unknown(name, TYPE);
                    }
                }
            }
        }
        return new SubscriptionRequest(changeType, notificationUrl, lifecycleUrl, resource, expiration, clientState);
    }

    private static String text(JsonNode value, String name) {
        if (!value.isString()) {
            throw RequestBodies.invalid(name, TYPE);
        }
        return value.asString();
    }

    /** Graph's subscription resource. */
    static Map<String, Object> view(ChangeSubscription s) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", s.id().toString());
        view.put("resource", s.resource());
        view.put("applicationId", s.applicationId());
        view.put("changeType", s.changeTypeText());
        view.put("clientState", s.clientState());
        view.put("notificationUrl", s.notificationUrl().toString());
        view.put("notificationQueryOptions", null);
        view.put(
                "lifecycleNotificationUrl",
                s.lifecycleNotificationUrl() == null
                        ? null
                        : s.lifecycleNotificationUrl().toString());
        view.put("expirationDateTime", GraphValues.time(s.expiration()));
        view.put("creatorId", s.applicationId());
        view.put("includeResourceData", false);
        view.put("latestSupportedTlsVersion", "v1_2");
        view.put("encryptionCertificate", null);
        view.put("encryptionCertificateId", null);
        view.put("notificationUrlAppId", null);
        return view;
    }
}
