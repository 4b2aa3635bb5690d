package org.allot.core.sync;

import java.util.Objects;

/** One step of a connection test, passed or failed, with what was found in words an administrator can act on. */
public record ConnectionCheck(Step step, boolean passed, String detail) {
    /** The steps, in the order a connection goes through them. */
    public enum Step {
        /** The server's host name resolves. */
        DNS,
        /** A TCP connection to the port opens. */
        CONNECT,
        /** The TLS handshake (LDAPS or StartTLS) succeeds and the certificate is trusted. */
        TLS,
        /** The directory accepts the bind DN and password. */
        BIND,
        /** A base DN exists. */
        BASE_DN,
        /** The user filter is accepted (with a sample of what it finds). */
        USER_FILTER,
        /** The group filter is accepted (with a sample of what it finds). */
        GROUP_FILTER
    }

    public ConnectionCheck {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(detail, "detail");
    }

    public static ConnectionCheck passed(Step step, String detail) {
        return new ConnectionCheck(step, true, detail);
    }

    public static ConnectionCheck failed(Step step, String detail) {
        return new ConnectionCheck(step, false, detail);
    }
}
