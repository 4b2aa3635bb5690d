package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/** Import files as they come: from standard input, saved by Excel as UTF-16 or in a Windows code page. */
class ImportFilesIT extends AgainstARealServer {

    @Test
    void aDashReadsTheFileFromStandardInput() throws IOException {
        Path results = home.resolve("from-stdin.csv");
        Run run = allot.input("userPrincipalName,displayName\nfrom.stdin@contoso.com,From Stdin\n")
                .run("import", "users", "-", "--results", results.toString(), "-o", "json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().path("created").asInt()).isEqualTo(1);
        assertThat(run.json().path("file").asString()).isEqualTo("stdin");
        assertThat(Files.readString(results)).contains("from.stdin@contoso.com,created");
    }

    @Test
    void aUtf16FileWithAByteOrderMarkIsRead() throws IOException {
        Path file = home.resolve("unicode.csv");
        Files.write(
                file,
                "\uFEFFuserPrincipalName,displayName\r\nzoe.utf16@contoso.com,Zoë Ångström\r\n"
                        .getBytes(StandardCharsets.UTF_16LE));

        Run run = allot.run("import", "users", file.toString(), "-o", "json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(api.user("zoe.utf16@contoso.com", "displayName")
                        .path("displayName")
                        .asString())
                .isEqualTo("Zoë Ångström");
    }

    @Test
    void aFileInAWindowsCodePageIsNamedWithItsLineAndNothingChanges() throws IOException {
        Path file = home.resolve("legacy.csv");
        Files.write(
                file,
                "userPrincipalName,displayName\nplain.1252@contoso.com,Plain\nrene.1252@contoso.com,René\n"
                        .getBytes(Charset.forName("windows-1252")));

        Run run = allot.run("import", "users", file.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("error: InvalidArgument: legacy.csv line 3 is not UTF-8 text")
                .contains("save it as CSV UTF-8")
                .doesNotContain("Input length");
        assertThat(api.user("plain.1252@contoso.com", "id").isMissingNode()).isTrue();
    }
}
