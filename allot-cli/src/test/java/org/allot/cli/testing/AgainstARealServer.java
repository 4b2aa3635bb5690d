package org.allot.cli.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration tests that run {@code allot} against the shared {@link TestServer}: {@code allot} runs command lines
 * with the server's credentials in its environment, {@code api} reads back what they did, {@code home} is the user's
 * home folder (and a place for files).
 */
@ExtendWith(ServerExtension.class)
public abstract class AgainstARealServer {
    @TempDir
    protected Path home;

    protected Cli allot;
    protected ApiReader api;

    @BeforeEach
    void connect(TestServer server) {
        allot = server.cli(home);
        api = server.api();
    }
}
