package org.allot.server.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.server.persistence.JdbcAdminAccounts;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient;
import org.allot.server.web.ApiIT;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The admin center's tests: a running server, a tenant of their own per test with an administrator who signs in,
 * and one headless Chromium shared by the tests of a class.
 */
abstract class AdminCenterIT extends ApiIT {
    static final String PASSWORD = "correct horse battery staple";
    private static Browser browser;

    @Autowired
    JdbcAdminAccounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    GroupDirectory groupDirectory;

    @Autowired
    GroupLicensing groupLicensing;

    @Autowired
    UserLicensing userLicensing;

    /** A tenant of the test, its domain, and the sign-in name of its administrator. */
    record Site(ApiClient api, String admin) {
        TenantId tenant() {
            return api.tenant;
        }

        String domain() {
            return api.domain;
        }

        Caller setup() {
            return Caller.of(api.tenant, Actor.system("test setup"));
        }
    }

    Browser browser() {
        if (browser == null) {
            browser = Browser.start("http://localhost:" + port);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** A new tenant with an administrator of the role. */
    Site newSite(Role role) {
        ApiClient api = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Site site = new Site(api, "admin@" + api.domain);
        addAdmin(site, site.admin(), role);
        return site;
    }

    /**
     * A new tenant with a domain other tenants may share (the test directories' contoso.com), and an administrator of
     * the role whose sign-in name is its own.
     */
    Site newSite(String domain, Role role) {
        ApiClient api = newTenant(domain, Role.GLOBAL_ADMINISTRATOR);
        Site site = new Site(api, "admin-" + api.tenant.value().toString().substring(0, 8) + "@" + domain);
        addAdmin(site, site.admin(), role);
        return site;
    }

    /** Another administrator of the tenant; returns their sign-in name. */
    String addAdmin(Site site, String username, Role role) {
        accounts.add(new AdminAccount(
                site.tenant(),
                username,
                role.displayName() + " " + username.split("@")[0],
                passwords.encode(PASSWORD),
                role,
                java.time.Instant.now()));
        return username;
    }

    AdminSession session(Site site) {
        return AdminSession.signIn("http://localhost:" + port, site.admin(), PASSWORD);
    }

    /** A cloud user with a usage location (null for none). */
    UUID user(Site site, String name, String usageLocation) {
        Map<UserAttribute, Object> values = new HashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, name + "@" + site.domain());
        values.put(UserAttribute.DISPLAY_NAME, displayName(name));
        if (usageLocation != null) {
            values.put(UserAttribute.USAGE_LOCATION, usageLocation);
        }
        return work.run(() -> users.create(site.setup(), values)).value().id().value();
    }

    UUID guest(Site site, String name) {
        Map<UserAttribute, Object> values = new HashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, name + "_partner.example#EXT#@" + site.domain());
        values.put(UserAttribute.DISPLAY_NAME, displayName(name) + " (Partner)");
        values.put(UserAttribute.USER_TYPE, "Guest");
        values.put(UserAttribute.USAGE_LOCATION, "US");
        return work.run(() -> users.create(site.setup(), values)).value().id().value();
    }

    UUID synced(Site site, String name) {
        return syncedUser(site.api(), name);
    }

    UUID group(Site site, String name, List<UUID> members) {
        Map<GroupAttribute, Object> values = Map.of(GroupAttribute.DISPLAY_NAME, name);
        GroupId id = work.run(() -> groupDirectory.create(site.setup(), values, Set.of()))
                .value()
                .id();
        for (UUID member : members) {
            work.run(() -> groupDirectory.addMember(site.setup(), id, Member.user(new UserId(member))))
                    .value();
        }
        return id.value();
    }

    UUID subscribe(Site site, String partNumber, int seats) {
        return subscribe(site.api(), partNumber, seats);
    }

    void assignDirect(Site site, UUID user, String partNumber) {
        work.run(() -> userLicensing.assign(
                        site.setup(),
                        new UserId(user),
                        List.of(AssignedLicense.of(product(partNumber).skuId())),
                        List.of(),
                        false))
                .value();
    }

    static String displayName(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('.', ' ');
    }
}
