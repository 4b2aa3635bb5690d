package org.allot.server.security.tls;

/** What a plain HTTP listener beside HTTPS does ({@code allot.tls.http}). */
public enum PlainHttp {
    /** There is none: plain HTTP finds nothing to talk to. */
    OFF,
    /** Every request is answered 308 with the same URL on HTTPS (and nothing else is read from it). */
    REDIRECT,
    /** Served like HTTPS, on 127.0.0.1 only: for a reverse proxy on the same machine that ends TLS. */
    SERVE
}
