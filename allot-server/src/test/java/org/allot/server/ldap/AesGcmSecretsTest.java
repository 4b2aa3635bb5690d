package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.allot.core.TenantId;
import org.junit.jupiter.api.Test;

class AesGcmSecretsTest {
    private final AesGcmSecrets secrets = new AesGcmSecrets(SyncTestbed.KEY);
    private final TenantId contoso = TenantId.random();

    @Test
    void aSealedPasswordOpensWithTheSameKeyForTheSameTenant() {
        String sealed = secrets.seal(contoso, "Sync-Pa55word!").value();

        assertThat(sealed).startsWith("v1:").doesNotContain("Sync-Pa55word!");
        assertThat(secrets.seal(contoso, "Sync-Pa55word!").value())
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(secrets.open(contoso, sealed).value()).isEqualTo("Sync-Pa55word!");
    }

    @Test
    void aSealedPasswordDoesNotOpenForAnotherTenantOrWithAnotherKey() {
        String sealed = secrets.seal(contoso, "Sync-Pa55word!").value();

        assertThat(secrets.open(TenantId.random(), sealed).rejection().message())
                .contains("cannot be decrypted");
        assertThat(new AesGcmSecrets("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                        .open(contoso, sealed)
                        .rejection()
                        .message())
                .contains("was the key changed?");
    }

    @Test
    void withoutAKeyNothingIsSealedAndTheRefusalNamesTheSetting() {
        assertThat(new AesGcmSecrets((String) null)
                        .seal(contoso, "x")
                        .rejection()
                        .message())
                .contains("allot.secrets.key");
    }

    @Test
    void aKeyOfTheWrongSizeStopsTheServer() {
        assertThatThrownBy(() -> new AesGcmSecrets("c2hvcnQ=")).hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> new AesGcmSecrets("not base64!")).hasMessageContaining("must be base64");
    }
}
