package org.allot.server.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.server.ldap.TestDirectory;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.AppRegistrations;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver;
import org.allot.server.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One running server for the API tests, on a database of its own; each test works in tenants of its own, so tests
 * cannot see each other's data (which is also what tenant isolation promises).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIT {
    /** Seals the directory passwords of the tests' connectors. */
    protected static final String SYNC_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    /** The token a metrics scraper sends. */
    protected static final String METRICS_TOKEN = "metrics-scrape-token-of-the-tests-0123456789";

    private static String url;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("allot.tls.enabled", () -> "false");
        registry.add("allot.database.url", ApiIT::database);
        registry.add("allot.database.username", () -> "postgres");
        registry.add("allot.database.connection-timeout", () -> "2s");
        registry.add("allot.processing.workers", () -> "1");
        registry.add("allot.processing.poll-interval", () -> "50ms");
        registry.add("allot.processing.inline-limit", () -> "20");
        registry.add("allot.processing.chunk-size", () -> "10");
        registry.add("allot.sync.encryption-key", () -> SYNC_KEY);
        registry.add("allot.sync.poll-interval", () -> "250ms");
        registry.add("allot.trusted-proxies", () -> TRUSTED_PROXY + "/32");
        registry.add("allot.metrics.scrape-token", () -> METRICS_TOKEN);
        registry.add(
                "allot.notifications.trusted-certificates",
                () -> NotificationReceiver.shared().certificate().toString());
        registry.add("allot.notifications.poll-interval", () -> "50ms");
        registry.add("allot.notifications.first-retry", () -> "200ms");
        registry.add("allot.notifications.max-backoff", () -> "1s");
        registry.add("allot.notifications.remove-after", () -> "3s");
        registry.add("allot.notifications.retry-for", () -> "2s");
        registry.add("allot.notifications.reauthorize-before", () -> "10m");
    }

    /**
     * The one address the tests' server takes for a reverse proxy: on Linux every 127.x.y.z is this machine, so a
     * test sends from it as a proxy would, and from 127.0.0.1 as any other client.
     */
    protected static final String TRUSTED_PROXY = "127.0.0.2";

    /** The JDBC URL of the tests' database (user postgres, no password), which other server processes may share. */
    protected static synchronized String database() {
        if (url == null) {
            url = TestDatabase.newDatabase();
        }
        return url;
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TenantDirectory tenants;

    @Autowired
    protected UserDirectory users;

    @Autowired
    protected SubscriptionBook subscriptions;

    @Autowired
    protected ProductCatalog catalog;

    @Autowired
    protected AppRegistrations apps;

    @Autowired
    protected UnitOfWork work;

    @Autowired
    protected JdbcClient jdbc;

    /** A new tenant (default usage location US) and an app of it with the role. */
    protected ApiClient newTenant(Role role) {
        TenantId tenant = TenantId.random();
        return newTenant(tenant, "t" + tenant.value().toString().substring(0, 8) + ".example", role);
    }

    /**
     * A new tenant that has verified a domain other tenants may have verified too (as the test directories'
     * contoso.com), and an app of it with the role.
     */
    protected ApiClient newTenant(String domain, Role role) {
        return newTenant(TenantId.random(), domain, role);
    }

    private ApiClient newTenant(TenantId tenant, String domain, Role role) {
        work.run(() -> tenants.create(tenant, "Tenant " + domain, List.of(domain), "US", TenantPolicy.DEFAULT))
                .value();
        return app(tenant, domain, role);
    }

    /** Another app of the same tenant, with another role. */
    protected ApiClient as(ApiClient of, Role role) {
        return app(of.tenant, of.domain, role);
    }

    private ApiClient app(TenantId tenant, String domain, Role role) {
        Caller admin = Caller.of(tenant, Actor.system("test setup"));
        var created = work.run(() -> apps.register(admin, "test " + role.displayName(), role.displayName()))
                .value();
        return new ApiClient(tenant, domain, created.app().clientId().toString(), created.secret(), port);
    }

    protected Product product(String partNumber) {
        Catalog products = catalog.forTenant(TenantId.random());
        return products.findByPartNumber(partNumber).orElseThrow();
    }

    /** Seats for a product, bought by the tenant's setup (not through the API under test). */
    protected UUID subscribe(ApiClient tenant, String partNumber, int seats) {
        Caller admin = Caller.of(tenant.tenant, Actor.system("test setup"));
        return work.run(() -> subscriptions.add(
                        admin, product(partNumber).skuId(), seats, SubscriptionStatus.Enabled, false, null))
                .value()
                .id()
                .value();
    }

    /** A cloud user of the tenant (usage location US), created through the API; returns its id. */
    protected static String createUser(ApiClient tenant, String name) {
        return tenant.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s",
                         "usageLocation":"US"}""".formatted(name, name, name, tenant.domain))
                .body()
                .path("id")
                .asString();
    }

    /** Assigns the user a license of the SKU (no plans disabled), through the API. */
    protected static ApiClient.Response assignLicense(ApiClient tenant, String user, String sku) {
        return tenant.post("/v1.0/users/" + user + "/assignLicense", """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku));
    }

    /**
     * The body of a generic LDAP connector to a test directory (Contoso's people under contoso.com), not scheduled;
     * a null password keeps the stored one.
     */
    protected static String connectorBody(String url, String password) {
        return """
                {"preset":"genericLdap","url":"%s","bindDn":"%s",%s"baseDns":["DC=contoso,DC=com"],"enabled":false}""".formatted(url, TestDirectory.BIND_DN, password == null ? "" : "\"password\":\"" + password + "\",");
    }

    /** Connects the tenant to the test directory, through the API. */
    protected static void connect(ApiClient admin, TestDirectory directory) {
        ApiClient.Response saved = admin.send(
                "PUT",
                "/allot/v1/directorySync/connector",
                connectorBody(directory.url(), TestDirectory.PASSWORD),
                Map.of());
        if (saved.status() != 200) {
            throw new IllegalStateException("connector refused: " + saved.body());
        }
    }

    /** Runs the tenant's directory sync now, through the API; returns the run once it ended. */
    protected static JsonNode syncNow(ApiClient admin) {
        return syncNow(admin, null);
    }

    /** A full run, as an administrator asks for one: a generic directory's deltas leave deletions to full runs. */
    protected static JsonNode fullSyncNow(ApiClient admin) {
        return syncNow(admin, "{\"full\":true}");
    }

    private static JsonNode syncNow(ApiClient admin, String body) {
        ApiClient.Response run = admin.post("/allot/v1/directorySync/runs?wait=true", body);
        if (run.status() != 200) {
            throw new IllegalStateException("run refused: " + run.body());
        }
        return run.body();
    }

    /** A user synchronised from on-premises AD: no usage location, attributes owned by the directory. */
    protected UUID syncedUser(ApiClient tenant, String name) {
        Caller sync = Caller.of(tenant.tenant, Actor.DIRECTORY_SYNC);
        Map<UserAttribute, Object> values =
                Map.of(UserAttribute.USER_PRINCIPAL_NAME, name + "@" + tenant.domain, UserAttribute.DISPLAY_NAME, name);
        return work.run(() ->
                        users.provisionSynced(sync, values, UUID.randomUUID().toString(), name))
                .value()
                .id()
                .value();
    }
}
