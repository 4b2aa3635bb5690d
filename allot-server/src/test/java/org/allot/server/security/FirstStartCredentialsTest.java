package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's credentials are written once to a file only the server's account can read, and it says where. */
class FirstStartCredentialsTest {
    @TempDir
    Path data;

    @Test
    void theCredentialsAreWrittenToAnOwnerOnlyFileAndTheMessageSaysWhere() throws Exception {
        String printed = Bootstrap.kept("\nFirst start of tenant Contoso: client secret s3cr3t\n", data.resolve("new"));

        Path file = data.resolve("new").resolve(Bootstrap.CREDENTIALS_FILE);
        assertThat(Files.readString(file)).contains("client secret s3cr3t");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(printed)
                .startsWith("\nFirst start of tenant Contoso: client secret s3cr3t\n")
                .contains("Also written to " + file.toAbsolutePath() + " (readable only by this account)");
    }

    @Test
    void aFileOfAnEarlierFirstStartIsNeverOverwritten() throws Exception {
        Bootstrap.kept("the first\n", data);

        String printed = Bootstrap.kept("the second\n", data);

        assertThat(Files.readString(data.resolve(Bootstrap.CREDENTIALS_FILE))).isEqualTo("the first\n");
        assertThat(printed).contains("Not written to").contains("a file of an earlier first start is there");
    }
}
