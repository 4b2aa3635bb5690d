package org.allot.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.allot.cli.process.Environment;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved credentials: owner-only, and overridden one by one by the environment. */
class ConfigFileTest {
    @TempDir
    Path home;

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Path path = home.resolve(".config/allot/config.json");
        new ConfigFile(path).write(new Credentials("http://localhost:8080", "app", "secret"));
        assertThat(Files.getPosixFilePermissions(path))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(path.getParent()))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        assertThat(new ConfigFile(path).read()).contains(new Credentials("http://localhost:8080", "app", "secret"));
    }

    @Test
    void theDefaultFileIsInTheUsersConfigFolder() {
        assertThat(new Environment(Map.of(), home, false).configFile())
                .isEqualTo(home.resolve(".config/allot/config.json"));
        assertThat(new Environment(Map.of("XDG_CONFIG_HOME", "/x"), home, false).configFile())
                .isEqualTo(Path.of("/x/allot/config.json"));
        assertThat(new Environment(Map.of("ALLOT_CONFIG", "/y/c.json"), home, false).configFile())
                .isEqualTo(Path.of("/y/c.json"));
    }

    @Test
    void environmentVariablesOverrideTheFileOneByOne() {
        Path path = home.resolve("config.json");
        new ConfigFile(path).write(new Credentials("http://saved:8080/", "saved-app", "saved-secret"));
        Credentials used = ConfigFile.resolve(new Environment(
                Map.of("ALLOT_CONFIG", path.toString(), "ALLOT_CLIENT_SECRET", "from-env"), home, false));
        assertThat(used).isEqualTo(new Credentials("http://saved:8080", "saved-app", "from-env"));
    }

    @Test
    void withNeitherFileNorVariablesTheCommandSaysHowToLogIn() {
        assertThatThrownBy(() -> ConfigFile.resolve(new Environment(Map.of(), home, false)))
                .isInstanceOfSatisfying(Failure.class, f -> {
                    assertThat(f.code()).isEqualTo("NotLoggedIn");
                    assertThat(f.exit()).isEqualTo(Exit.FAILURE);
                });
    }

    @Test
    void aServerUrlMustBeHttp() {
        assertThat(Credentials.checkedUrl(" https://allot.example.com/ ")).isEqualTo("https://allot.example.com");
        assertThatThrownBy(() -> Credentials.checkedUrl("localhost:8080"))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.exit()).isEqualTo(Exit.USAGE));
    }
}
