package org.allot.server.web.extensions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.allot.api.extensions.AppRegistration;
import org.allot.api.extensions.AppRegistrationUpdate;
import org.allot.api.extensions.AppSecretRequest;
import org.allot.server.security.ApiCaller;
import org.allot.server.security.AppCertificates;
import org.allot.server.security.AppRegistrations;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
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
 * Apps allowed to call the API: register, change the role, replace the secret, register and remove certificates,
 * delete. A secret is in the response once, when created or replaced.
 */
@RestController
@RequestMapping(path = "/allot/v1/appRegistrations", produces = "application/json")
public class AppRegistrationsController {
    private final AppRegistrations apps;
    private final AppCertificates certificates;
    private final Responses responses;

    public AppRegistrationsController(AppRegistrations apps, AppCertificates certificates, Responses responses) {
        this.apps = apps;
        this.certificates = certificates;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "appRegistrations",
                apps.of(caller.tenant()).stream().map(a -> view(a, null)).toList());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var app = Refused.orRefuse(apps.find(caller.tenant(), RequestBodies.idOrNotFound(id)));
        return responses.entity(request, "appRegistrations/$entity", view(app, null));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode register(ApiCaller caller, @RequestBody AppRegistration body, HttpServletRequest request) {
        if (body.appId() != null || body.clientSecret() != null || body.createdDateTime() != null) {
            throw new BadRequest("appId, clientSecret and createdDateTime are generated: send displayName, role and"
                    + " (optionally) secretEndDateTime only.");
        }
        var created = Refused.orRefuse(
                apps.register(caller.caller(), body.displayName(), body.role(), instant(body.secretEndDateTime())));
        return responses.entity(request, "appRegistrations/$entity", view(created.app(), created.secret()));
    }

    /** Changes the app's role. */
    @PatchMapping("/{id}")
    public ObjectNode update(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody AppRegistrationUpdate body,
            HttpServletRequest request) {
        if (body.role() == null) {
            throw new BadRequest("Send the app's new role, as in {\"role\": \"Global Reader\"}.");
        }
        var app = Refused.orRefuse(apps.changeRole(caller.caller(), RequestBodies.idOrNotFound(id), body.role()));
        return responses.entity(request, "appRegistrations/$entity", view(app, null));
    }

    /** A new secret (ending when the body says, if it has one); the old secret and its tokens stop working. */
    @PostMapping("/{id}/secret")
    public ObjectNode replaceSecret(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AppSecretRequest.class) @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        Instant end = secretEnd(body);
        var created = Refused.orRefuse(apps.replaceSecret(caller.caller(), RequestBodies.idOrNotFound(id), end));
        return responses.entity(request, "appRegistrations/$entity", view(created.app(), created.secret()));
    }

    /** The certificates the app may prove itself with. */
    @GetMapping("/{id}/certificates")
    public ObjectNode certificates(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        var held = Refused.orRefuse(certificates.of(caller.tenant(), RequestBodies.idOrNotFound(id)));
        return responses.list(
                request,
                "appRegistrations('" + id + "')/certificates",
                held.stream().map(AppRegistrationsController::view).toList());
    }

    /** Registers a certificate (the certificate only, PEM or base64 DER: never its private key). */
    @PostMapping("/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode addCertificate(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody org.allot.api.extensions.AppCertificate body,
            HttpServletRequest request) {
        if (body.keyId() != null || body.thumbprint() != null || body.thumbprintSha256() != null) {
            throw new BadRequest("keyId and the thumbprints are read from the certificate: send {\"certificate\":"
                    + " \"-----BEGIN CERTIFICATE-----…\"} only.");
        }
        var added =
                Refused.orRefuse(certificates.add(caller.caller(), RequestBodies.idOrNotFound(id), body.certificate()));
        return responses.entity(request, "appRegistrations('" + id + "')/certificates/$entity", view(added));
    }

    /** Removes a certificate; the tokens issued with it stop working. */
    @DeleteMapping("/{id}/certificates/{keyId}")
    public ResponseEntity<Void> removeCertificate(
            ApiCaller caller, @PathVariable String id, @PathVariable String keyId) {
        Refused.orRefuse(certificates.remove(
                caller.caller(), RequestBodies.idOrNotFound(id), RequestBodies.idOrNotFound(keyId)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(apps.remove(caller.caller(), RequestBodies.idOrNotFound(id)));
        return ResponseEntity.noContent().build();
    }

    private static AppRegistration view(org.allot.server.security.store.AppRegistration app, String secret) {
        return new AppRegistration(
                app.clientId().toString(),
                app.displayName(),
                app.role().displayName(),
                app.createdAt().atOffset(ZoneOffset.UTC),
                app.secretExpiresAt().atOffset(ZoneOffset.UTC),
                secret);
    }

    private static org.allot.api.extensions.AppCertificate view(org.allot.server.security.store.AppCertificate c) {
        return new org.allot.api.extensions.AppCertificate(
                c.keyId().toString(),
                c.subject(),
                c.thumbprint(),
                c.thumbprintSha256(),
                c.startsAt().atOffset(ZoneOffset.UTC),
                c.endsAt().atOffset(ZoneOffset.UTC),
                c.createdAt().atOffset(ZoneOffset.UTC),
                AppCertificates.pem(c));
    }

    /** When a new secret ends, from a body that is absent or {@code {"secretEndDateTime": "…"}}. */
    static Instant secretEnd(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return null;
        }
        RequestBodies.requireObject(body);
        Instant end = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("secretEndDateTime")) {
                throw RequestBodies.unknown(field.getKey(), "appSecretRequest");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            try {
                end = OffsetDateTime.parse(value.isString() ? value.asString() : "")
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw RequestBodies.invalid("secretEndDateTime", "appSecretRequest");
            }
        }
        return end;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
