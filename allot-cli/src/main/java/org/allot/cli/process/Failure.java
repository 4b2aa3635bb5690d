package org.allot.cli.process;

/**
 * Why a command could not do what it was asked. Printed on stderr as {@code error: <code>: <message>}; the command
 * exits with {@link #exit()}.
 */
public final class Failure extends RuntimeException {
    private final transient Exit exit;
    private final String code;

    public Failure(Exit exit, String code, String message) {
        super(message, null, false, false);
        this.exit = exit;
        this.code = code;
    }

    public static Failure notFound(String message) {
        return new Failure(Exit.NOT_FOUND, "NotFound", message);
    }

    public static Failure usage(String message) {
        return new Failure(Exit.USAGE, "InvalidArgument", message);
    }

    public static Failure untrusted(String message) {
        return new Failure(Exit.UNTRUSTED, "UntrustedCertificate", message);
    }

    public static Failure failed(String code, String message) {
        return new Failure(Exit.FAILURE, code, message);
    }

    public Exit exit() {
        return exit;
    }

    public String code() {
        return code;
    }

    /** The line printed on stderr. */
    public String line() {
        return "error: " + code + ": " + getMessage();
    }
}
