package org.allot.core.sync;

/**
 * The directory could not be read: unreachable, a refused bind, a base DN that does not exist, or a server that
 * went away midway. A run that meets one stops and deletes nothing. The message is for administrators.
 */
public final class DirectoryFailure extends RuntimeException {
    public DirectoryFailure(String message) {
        super(message);
    }

    public DirectoryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
