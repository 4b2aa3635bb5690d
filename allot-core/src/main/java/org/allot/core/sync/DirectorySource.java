package org.allot.core.sync;

import java.util.Optional;
import org.allot.core.Rejection;

/** Port: an on-premises directory, reached with a connector's settings. */
public interface DirectorySource {
    /** Checks what can be checked without connecting: the syntax of DNs and filters, the certificate. */
    Optional<Rejection> validate(ConnectorSettings settings);

    /** Tries each step of a connection and reports where it fails. Never throws for the directory's sake. */
    ConnectionReport test(ConnectorSettings settings, String password);

    /**
     * Connects and binds.
     *
     * @throws DirectoryFailure when the directory cannot be reached or refuses the bind
     */
    DirectorySession open(ConnectorSettings settings, String password);
}
