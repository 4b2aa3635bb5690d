package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.testing.ServerProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server remembers what changes rarely of a tenant (its name and policies, its custom products and plan rules, its
 * subscriptions), but never serves it staler than the database: a change made by another server sharing the
 * database, or by SQL typed by hand, is seen by the very next request, and a change that was refused and rolled back
 * is never seen.
 */
class RememberedSettingsIT extends ApiIT {
    private ApiClient admin;
    private UUID subscription;
    private String sku;

    @BeforeEach
    void aTenantWithOneSeat() {
        admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscription = subscribe(admin, "SPE_E3", 1);
        sku = product("SPE_E3").skuId().toString();
    }

    @Test
    void anOrganizationRenamedInTheDatabaseIsSeenByTheNextRequest() {
        assertThat(organizationName()).isEqualTo("Tenant " + admin.domain);

        jdbc.sql("update tenant set name = 'Renamed by hand' where id = ?")
                .param(admin.tenant.value())
                .update();

        assertThat(organizationName()).isEqualTo("Renamed by hand");
    }

    @Test
    void aSubscriptionEndedInTheDatabaseIsSeenByTheNextAssignment() {
        assertThat(assignLicense(admin, createUser(admin, "first"), sku).status())
                .isEqualTo(200);

        jdbc.sql("update subscription set status = 'Deleted' where id = ?")
                .param(subscription)
                .update();

        ApiClient.Response refused = assignLicense(admin, createUser(admin, "third"), sku);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage())
                .isEqualTo("License " + sku + " does not correspond to a valid company License.");
    }

    @Test
    void aRefusedChangeIsNeverRemembered() {
        assertThat(organizationName()).isEqualTo("Tenant " + admin.domain);

        ApiClient.Response refused = admin.patch("/allot/v1/settings", """
                        {"displayName":"Never","defaultUsageLocation":"DE","syncDeleteThreshold":-1}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(organizationName()).isEqualTo("Tenant " + admin.domain);
        assertThat(admin.get("/allot/v1/settings").body().path("displayName").asString())
                .isEqualTo("Tenant " + admin.domain);
    }

    @Test
    void changesMadeThroughAnotherServerAreSeenByTheNextRequest(@TempDir Path data) throws Exception {
        String first = createUser(admin, "first");
        String second = createUser(admin, "second");
        assertThat(assignLicense(admin, first, sku).status()).isEqualTo(200);
        assertThat(assignLicense(admin, second, sku).status())
                .as("one seat only")
                .isEqualTo(400);
        assertThat(organizationName()).isEqualTo("Tenant " + admin.domain);

        try (ServerProcess other = ServerProcess.start(
                data,
                "--allot.database.url=" + database(),
                "--allot.database.username=postgres",
                "--allot.sync.encryption-key=" + SYNC_KEY)) {
            String token = other.tokenRequest(admin.clientId, admin.secret, Duration.ofSeconds(30))
                    .json()
                    .path("access_token")
                    .asString();
            assertThat(other.api(
                                    "PATCH",
                                    "/allot/v1/subscriptions/" + subscription,
                                    "{\"seats\":2}",
                                    token,
                                    Duration.ofSeconds(30))
                            .status())
                    .isEqualTo(200);
            assertThat(other.api(
                                    "PATCH",
                                    "/allot/v1/settings",
                                    "{\"displayName\":\"Renamed elsewhere\"}",
                                    token,
                                    Duration.ofSeconds(30))
                            .status())
                    .isEqualTo(200);
        }

        assertThat(organizationName()).isEqualTo("Renamed elsewhere");
        assertThat(assignLicense(admin, second, sku).status()).isEqualTo(200);
        assertThat(admin.get("/v1.0/subscribedSkus")
                        .body()
                        .path("value")
                        .path(0)
                        .path("prepaidUnits")
                        .path("enabled")
                        .asInt())
                .isEqualTo(2);
    }

    private String organizationName() {
        return admin.get("/v1.0/organization")
                .body()
                .path("value")
                .path(0)
                .path("displayName")
                .asString();
    }
}
