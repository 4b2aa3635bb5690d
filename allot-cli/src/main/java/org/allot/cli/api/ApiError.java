package org.allot.cli.api;

import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;

/** An error answered by the server, with Graph's error code and message. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The failure to report, with the exit code {@link Exit#forResponse} gives. */
    public Failure toFailure() {
        return new Failure(Exit.forResponse(status, code), code, getMessage());
    }
}
