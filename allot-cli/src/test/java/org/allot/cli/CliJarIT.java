package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.ServerExtension;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's way of running the CLI: the executable jar, and the ./allot launcher at the repository's root. */
@ExtendWith(ServerExtension.class)
class CliJarIT {
    private static final Path JAR = Path.of(System.getProperty("allot.cli.jar", "target/allot.jar"));
    private static final Path LAUNCHER = Path.of(System.getProperty("allot.launcher", "../allot"));

    @TempDir
    Path home;

    @Test
    void theExecutableJarRunsCommandsOnItsOwn(TestServer server) throws Exception {
        Run whoami = run(server, List.of(java(), "-jar", JAR.toString(), "whoami", "-o", "json"));
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.out()).contains("\"tenant\" : \"Contoso\"");
    }

    @Test
    void theLauncherScriptRunsTheJar(TestServer server) throws Exception {
        Run version = run(server, List.of(LAUNCHER.toString(), "--version"));
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("allot ");

        Run products = run(server, List.of(LAUNCHER.toString(), "product", "list"));
        assertThat(products.exit()).as(products.toString()).isZero();
        assertThat(products.out()).contains("ENTERPRISEPACK");
    }

    @Test
    void errorsGoToStderrWithTheirExitCodeAndStdoutStaysEmpty(TestServer server) throws Exception {
        Run missing = run(server, List.of(java(), "-jar", JAR.toString(), "user", "show", "nobody@contoso.com"));
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("error: NotFound: No user 'nobody@contoso.com'.\n");
        assertThat(missing.out()).isEmpty();
    }

    private Run run(TestServer server, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment()
                .putAll(Map.of(
                        "ALLOT_URL", server.url(),
                        "ALLOT_CLIENT_ID", server.clientId(),
                        "ALLOT_CLIENT_SECRET", server.clientSecret(),
                        "ALLOT_CONFIG", home.resolve("config.json").toString(),
                        "JAVA_HOME", System.getProperty("java.home")));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(
                String.join(" ", command),
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
