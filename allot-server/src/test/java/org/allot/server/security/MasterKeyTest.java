package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One master key seals secrets: {@code allot.secrets.key}, or the deprecated {@code allot.sync.encryption-key}, or one
 * generated at first start into the data directory, readable by its owner only, and used again on later starts.
 */
class MasterKeyTest {
    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private static final String OTHER = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path data;

    @Test
    void withoutASettingAKeyIsGeneratedIntoTheDataDirectoryForItsOwnerOnlyAndKept() throws Exception {
        MasterKey first = MasterKey.resolve(null, "", data);
        Path file = data.resolve(MasterKey.FILE);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        MasterKey again = MasterKey.resolve(null, null, data);
        assertThat(again.checkValue()).isEqualTo(first.checkValue());
        assertThat(again.open("ctx", first.seal("ctx", "secret"))).contains("secret");
        assertThat(Files.readString(file)).doesNotContain(first.checkValue());
    }

    @Test
    void aKeyFileOthersCouldReadIsMadeOwnerOnly() throws Exception {
        MasterKey.resolve(null, null, data);
        Path file = data.resolve(MasterKey.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        MasterKey.resolve(null, null, data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void theSettingWinsAndTheDeprecatedOneStillWorks() {
        MasterKey configured = MasterKey.resolve(KEY, null, data);
        MasterKey deprecated = MasterKey.resolve(null, KEY, data);

        assertThat(data.resolve(MasterKey.FILE)).doesNotExist();
        assertThat(deprecated.checkValue()).isEqualTo(configured.checkValue());
        assertThat(configured.open("tenant", deprecated.seal("tenant", "pw"))).contains("pw");
        assertThat(MasterKey.resolve(KEY, KEY, data).checkValue()).isEqualTo(configured.checkValue());
        assertThatThrownBy(() -> MasterKey.resolve(KEY, OTHER, data))
                .hasMessageContaining("allot.secrets.key")
                .hasMessageContaining("allot.sync.encryption-key");
    }

    @Test
    void aSealedSecretOpensOnlyForItsContextAndWithItsKey() {
        MasterKey key = MasterKey.of(KEY, MasterKey.PROPERTY);
        String sealed = key.seal("signing-key:a", "private");

        assertThat(sealed).startsWith("v1:").doesNotContain("private");
        assertThat(key.open("signing-key:a", sealed)).contains("private");
        assertThat(key.open("signing-key:b", sealed)).isEmpty();
        assertThat(MasterKey.of(OTHER, MasterKey.PROPERTY).open("signing-key:a", sealed))
                .isEmpty();
        assertThat(key.open("signing-key:a", "{\"kty\":\"RSA\"}")).isEmpty();
        assertThat(MasterKey.of(OTHER, MasterKey.PROPERTY).checkValue()).isNotEqualTo(key.checkValue());
    }

    @Test
    void theKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> MasterKey.of("c2hvcnQ=", MasterKey.PROPERTY)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.of("not base64!", MasterKey.PROPERTY))
                .hasMessageContaining("must be base64");
        assertThat(MasterKey.of("AAECAwQFBgcICQoLDA0ODw==", MasterKey.LEGACY_PROPERTY))
                .as("the older setting took 16 bytes too")
                .isNotNull();
        assertThatThrownBy(() -> MasterKey.of("AAECAwQFBgcICQoLDA0ODw==", MasterKey.PROPERTY))
                .hasMessageContaining("32 bytes");
    }
}
