package org.allot.cli.process;

/** The exit codes of every command (docs/cli.md). */
public enum Exit {
    /** Done. */
    OK(0),
    /** Something failed: the server is unreachable, the credentials are refused, some rows of an import failed. */
    FAILURE(1),
    /** The command line or an input file is wrong: unknown option, missing argument, malformed filter. */
    USAGE(2),
    /** A named user, group, product or subscription does not exist. */
    NOT_FOUND(3),
    /** The server refused the change by a licensing rule or because it conflicts with the current state. */
    REFUSED(4),
    /** A license check ({@code allot reconcile --wait}) ended with differences left: a dry run found some. */
    DIFFERENCES(5),
    /** The server's certificate is not trusted: give its CA file or pin its fingerprint ({@code allot login}). */
    UNTRUSTED(6);

    private final int code;

    Exit(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The exit code for an error answered by the server: 404 is not found; 409 and Graph's {@code Request_BadRequest}
     * (the code of every refusal by a rule) are refusals; other 400s are a malformed request; the rest are failures.
     */
    public static Exit forResponse(int status, String code) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 409, 412 -> REFUSED;
            case 400 -> "Request_BadRequest".equals(code) ? REFUSED : USAGE;
            default -> FAILURE;
        };
    }
}
