package org.allot.server.web.graph;

/** A request Allot cannot make sense of (query options, body): answered with 400 and Graph's error body. */
public final class BadRequest extends RuntimeException {
    private final String code;

    public BadRequest(String code, String message) {
        super(message);
        this.code = code;
    }

    public BadRequest(String message) {
        this("Request_BadRequest", message);
    }

    public String code() {
        return code;
    }
}
