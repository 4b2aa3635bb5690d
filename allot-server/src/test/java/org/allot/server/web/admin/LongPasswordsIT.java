package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.testing.LoopbackClient;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passphrases longer than the 72 bytes bcrypt reads are accepted whole for administrators and app secrets — never a
 * 500 — and hashes made before keep working and are replaced on their next use.
 */
class LongPasswordsIT extends AdminCenterIT {
    /** 90 characters, 104 bytes in UTF-8; differs from {@link #ALMOST} only after the 72nd byte. */
    private static final String PASSPHRASE =
            "Grüße aus Köln: Ærlig talt, kære kollega – æbler, ærter og ål på Ærø, og én kop kaffe til!";

    private static final String ALMOST = PASSPHRASE.substring(0, PASSPHRASE.length() - 2) + "!?";

    @Test
    void anAdministratorWithAPassphraseLongerThanBcryptReadsIsAddedAndSignsInWithAllOfIt() {
        assertThat(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100);
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);
        String newcomer = "long-" + UUID.randomUUID().toString().substring(0, 6) + "@" + site.domain();

        AdminSession.Page added = admin.post(
                "/administrators",
                List.of(
                        Map.entry("username", newcomer),
                        Map.entry("displayName", "Long Passphrase"),
                        Map.entry("role", "Global Reader"),
                        Map.entry("password", PASSPHRASE)));

        assertThat(added.status()).isEqualTo(302);
        assertThat(admin.follow(added).body()).contains(newcomer + " can now sign in.");
        LoopbackClient other = new LoopbackClient("127.0.0.1", port);
        assertThat(other.signIn(newcomer, ALMOST).location())
                .as("the bytes after the 72nd count")
                .endsWith("/login?error");
        assertThat(other.signIn(newcomer, PASSPHRASE).location()).endsWith("/");
    }

    @Test
    void aPasswordBeyondTheLimitIsRefusedWithAClearMessage() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        AdminSession admin = session(site);

        AdminSession.Page refused = admin.post(
                "/administrators",
                List.of(
                        Map.entry("username", "toolong@" + site.domain()),
                        Map.entry("role", "Global Reader"),
                        Map.entry("password", "x".repeat(129))));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.follow(refused).body()).contains("A password has 12 to 128 characters.");
    }

    @Test
    void anOlderBcryptHashStillSignsInAndIsReplacedAtOnce() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        jdbc.sql("update admin_account set password_hash = ? where username = ?")
                .params("{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD), site.admin())
                .update();

        assertThat(new LoopbackClient("127.0.0.1", port)
                        .signIn(site.admin(), PASSWORD)
                        .location())
                .endsWith("/");

        assertThat(jdbc.sql("select password_hash from admin_account where username = ?")
                        .param(site.admin())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt-sha256}$2a$");
        assertThat(session(site)).as("and signs in with the new hash").isNotNull();
    }

    @Test
    void anAppSecretLongerThanBcryptReadsGetsTokensAndOnlyTheWholeSecretDoes() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID clientId = UUID.randomUUID();
        work.run(() -> apps.register(site.setup(), "Long secret", "Global Reader", clientId, PASSPHRASE))
                .value();
        LoopbackClient client = new LoopbackClient("127.0.0.1", port);

        assertThat(client.token(clientId.toString(), ALMOST).status()).isEqualTo(401);
        LoopbackClient.Answer token = client.token(clientId.toString(), PASSPHRASE);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
    }

    @Test
    void anAppWithAnOlderBcryptHashStillGetsTokensAndItsHashIsReplaced() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID clientId = UUID.randomUUID();
        String secret = "an older secret of forty characters, yes";
        work.run(() -> apps.register(site.setup(), "Older hash", "Global Reader", clientId, secret))
                .value();
        jdbc.sql("update app_registration set secret_hash = ? where id = ?")
                .params("{bcrypt}" + new BCryptPasswordEncoder().encode(secret), clientId)
                .update();
        LoopbackClient client = new LoopbackClient("127.0.0.1", port);

        assertThat(client.token(clientId.toString(), secret).status()).isEqualTo(200);

        assertThat(jdbc.sql("select secret_hash from app_registration where id = ?")
                        .param(clientId)
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt-sha256}$2a$");
        assertThat(client.token(clientId.toString(), secret).status()).isEqualTo(200);
    }
}
