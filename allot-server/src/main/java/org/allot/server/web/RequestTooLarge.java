package org.allot.server.web;

import java.io.IOException;

/** A request body beyond the configured limit. */
public final class RequestTooLarge extends IOException {
    public RequestTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
