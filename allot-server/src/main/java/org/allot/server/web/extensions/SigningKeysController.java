package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import org.allot.api.extensions.SigningKey;
import org.allot.server.security.ApiCaller;
import org.allot.server.security.SealedSigningKeys;
import org.allot.server.security.SigningKeys;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The installation's token-signing keys (their ids and dates, never the keys): Global Administrators make a new key
 * sign; tokens of the keys it replaces stay good until they expire.
 */
@RestController
@RequestMapping(path = "/allot/v1/signingKeys", produces = "application/json")
public class SigningKeysController {
    private final SigningKeys keys;
    private final Responses responses;

    public SigningKeysController(SigningKeys keys, Responses responses) {
        this.keys = keys;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "signingKeys",
                keys.keys().stream().map(SigningKeysController::view).toList());
    }

    /** A new key signs from now on, on every server within seconds. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode rotate(ApiCaller caller, HttpServletRequest request) {
        SealedSigningKeys.StoredKey key = keys.rotate(caller.caller());
        return responses.entity(request, "signingKeys/$entity", view(key));
    }

    private static SigningKey view(SealedSigningKeys.StoredKey key) {
        return new SigningKey(
                key.kid(),
                key.signs(),
                key.createdAt().atOffset(ZoneOffset.UTC),
                key.retiredAt() == null ? null : key.retiredAt().atOffset(ZoneOffset.UTC));
    }
}
