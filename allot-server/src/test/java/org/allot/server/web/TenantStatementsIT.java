package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.allot.server.persistence.JdbcAdminAccounts;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.Role;
import org.allot.server.testing.DistributionPlan;
import org.allot.server.testing.StatementLog;
import org.allot.server.testing.TenantFilters;
import org.allot.server.web.admin.AdminSession;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every statement the server runs reads one tenant's rows (docs/scale-out.md, "Sharding with Citus"), as PostgreSQL
 * plans it ({@link TenantFilters}), but for the tenant-less ones listed here: the server is driven through a
 * representative day — a token, an administrator's sign-in, users and groups written and read, licenses assigned
 * directly and through a group (a background job), a delta query, the audit log, and every scheduled step run once
 * (so that their rounds over the tenants are checked whether or not their timers fire during the test) — with its
 * background workers running, and every statement its data source sent meanwhile is checked.
 */
@Import(RequestStatementsIT.Logging.class)
class TenantStatementsIT extends ApiIT {
    private static final StatementLog LOG = RequestStatementsIT.LOG;
    private static final String PASSWORD = "correct horse battery staple";

    private static final String SIGN_IN = "sign-in by account name";
    private static final String TOKEN = "a token by client id";
    private static final String CLAIM = "work claimed across tenants";
    private static final String SWEEP = "a scheduled step's round over every tenant (due rows, or rows past retention)";

    /**
     * The statements that read across tenants (the issue's decision), by a part of their text, and which of the
     * tenant-less look-ups each is; docs/scale-out.md says how each maps to Citus.
     */
    static final Map<String, String> TENANT_LESS = Map.ofEntries(
            Map.entry("from admin_account where lower(username) = lower($1)", SIGN_IN),
            Map.entry("update admin_account set password_hash = $1 where lower(username) = lower($2)", SIGN_IN),
            Map.entry("from app_registration where id = $1", TOKEN),
            Map.entry("update app_registration set secret_hash = $1 where id = $2", TOKEN),
            // the token endpoint's tenant named by a domain, and a new tenant's domain checked against the others'
            Map.entry("from tenant where $1 = any(verified_domains)", TOKEN),
            Map.entry("update license_job set state = 'RUNNING'", CLAIM),
            Map.entry("from notification_relay order by relayed_at", CLAIM),
            Map.entry("update notification_outbox o set", CLAIM),
            Map.entry("from change_subscription where lifecycle_notification_url is not null", CLAIM),
            Map.entry("from sync_connector where run_requested_at is not null or", CLAIM),
            Map.entry("select * from tenant order by created_at", SWEEP),
            Map.entry("delete from change_subscription where expires_at <", SWEEP),
            Map.entry("delete from notification_outbox where state <> 'PENDING' and created_at <", SWEEP),
            Map.entry("where a.pending_removal_at is not null and a.pending_removal_at <=", SWEEP),
            Map.entry("delete from reclaim_run where ran_at <", SWEEP),
            Map.entry("from subscription where status <> 'Deleted' and end_at is not null", SWEEP),
            Map.entry("from seat_overage order by since", SWEEP),
            Map.entry("select distinct tenant_id from reclaim_policy", SWEEP),
            Map.entry("from timed_grant where not started and start_at <=", SWEEP));

    @Autowired
    JdbcAdminAccounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    List<ScheduledTaskHolder> schedules;

    @Test
    void everyStatementReadsOneTenantButTheListedOnes() {
        LOG.clear();
        aDayOfWork();

        List<String> sent = LOG.statements(thread -> true);
        PGSimpleDataSource explaining = new PGSimpleDataSource();
        explaining.setUrl(database() + "?preferQueryMode=simple");
        explaining.setUser("postgres");
        Map<String, TenantFilters.Verdict> verdicts = new TenantFilters(
                        explaining, DistributionPlan.TENANT_ROOT, DistributionPlan.GLOBAL_TABLES.keySet())
                .check(sent);
        List<String> failing = verdicts.values().stream()
                .filter(v -> !v.passes())
                .filter(v -> TENANT_LESS.keySet().stream().noneMatch(v.sql()::contains))
                .map(v -> v.sql() + "\n      → "
                        + (v.unexplained() != null ? "not explained: " + v.unexplained() : v.unfiltered()))
                .collect(Collectors.toList());

        System.out.println("=== " + verdicts.size() + " distinct statements checked, " + failing.size() + " failing");
        assertThat(verdicts).as("statements checked").hasSizeGreaterThan(40);
        assertThat(failing).as("statements reading across tenants").isEmpty();
    }

    private void aDayOfWork() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "SPE_E3", 50);
        String sku = product("SPE_E3").skuId().toString();
        String username = "admin@" + admin.domain;
        accounts.add(new AdminAccount(
                admin.tenant, username, "Admin", passwords.encode(PASSWORD), Role.GLOBAL_ADMINISTRATOR, Instant.now()));

        String first = createUser(admin, "first");
        String second = createUser(admin, "second");
        String third = createUser(admin, "third");
        assertThat(admin.patch("/v1.0/users/" + second, "{\"jobTitle\":\"Engineer\"}")
                        .status())
                .isEqualTo(204);
        assertThat(assignLicense(admin, first, sku).status()).isEqualTo(200);
        assertThat(admin.get("/v1.0/users/" + first + "/licenseDetails").status())
                .isEqualTo(200);
        String group = admin.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().path("id").asString();
        for (String user : List.of(second, third)) {
            assertThat(admin.post("/v1.0/groups/" + group + "/members/$ref", """
                            {"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/%s"}""".formatted(user))
                            .status())
                    .isEqualTo(204);
        }
        assertThat(admin.post("/v1.0/groups/" + group + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/allot/v1/groups/" + group + "/licenseProcessing")
                .body()
                .path("licenseProcessingState")
                .asString()
                .equals("ProcessingComplete"));
        assertThat(admin.get("/v1.0/users?$filter=startswith(displayName,'S')&$top=2")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/v1.0/groups/" + group + "/members").status()).isEqualTo(200);
        assertThat(admin.get("/v1.0/subscribedSkus").status()).isEqualTo(200);
        assertThat(admin.get("/v1.0/users/delta").status()).isEqualTo(200);
        assertThat(admin.get("/v1.0/auditLogs/directoryAudits?$top=5").status()).isEqualTo(200);
        assertThat(admin.delete("/v1.0/users/" + third).status()).isEqualTo(204);

        AdminSession session = AdminSession.signIn("http://localhost:" + port, username, PASSWORD);
        assertThat(session.get("/").status()).isEqualTo(200);
        assertThat(session.get("/users").status()).isEqualTo(200);
        assertThat(session.get("/licenses").status()).isEqualTo(200);

        List<Runnable> steps = schedules.stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable())
                .toList();
        assertThat(steps).as("scheduled steps").hasSizeGreaterThan(8);
        steps.forEach(Runnable::run);
    }
}
