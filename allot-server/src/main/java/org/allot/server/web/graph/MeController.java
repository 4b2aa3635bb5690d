package org.allot.server.web.graph;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /me}: Allot's callers are apps with client-credential tokens, never signed-in users, so {@code /me} and
 * everything under it answer as Graph answers an app-only token: 400 {@code BadRequest}, "/me request is only valid
 * with delegated authentication flow." (scripts look for that message), rather than 404.
 */
@RestController
@RequestMapping(path = "/v1.0", produces = "application/json")
public class MeController {
    static final String MESSAGE = "/me request is only valid with delegated authentication flow.";

    @RequestMapping(
            path = {"/me", "/me/**"},
            method = {RequestMethod.GET, RequestMethod.POST})
    public void me() {
        throw new BadRequest("BadRequest", MESSAGE);
    }
}
