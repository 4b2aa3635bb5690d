package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.allot.server.web.ApiIT;
import org.junit.jupiter.api.Test;

/**
 * A token whose signature the server remembers ({@link VerifiedTokens}: checked once, then looked up by its text) is
 * still refused at once, at its very next request, when this server deletes its app or replaces its secret: what
 * is remembered is the signature, never the app's standing. (Changes made by another server of the installation are
 * {@code RevocationIT}'s.)
 */
class RememberedTokensIT extends ApiIT {

    @Test
    void theRememberedTokenOfAnAppDeletedHereIsRefusedAtItsNextRequest() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient app = as(admin, Role.GLOBAL_READER);
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/v1.0/organization").status()).isEqualTo(200);
        }

        assertThat(admin.delete("/allot/v1/appRegistrations/" + app.clientId).status())
                .isEqualTo(204);

        ApiClient.Response refused = app.get("/v1.0/organization");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(admin.get("/v1.0/organization").status()).isEqualTo(200);
    }

    @Test
    void theRememberedTokenOfAnAppWhoseSecretWasReplacedHereIsRefusedAtItsNextRequest() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient app = as(admin, Role.GLOBAL_READER);
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/v1.0/organization").status()).isEqualTo(200);
        }

        assertThat(admin.post("/allot/v1/appRegistrations/" + app.clientId + "/secret", null)
                        .status())
                .isEqualTo(200);

        assertThat(app.get("/v1.0/organization").status()).isEqualTo(401);
    }
}
