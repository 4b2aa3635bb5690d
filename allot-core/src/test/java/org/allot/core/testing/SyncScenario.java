package org.allot.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.assembly.AssignedLicenses;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.sync.CloudDirectory;
import org.allot.core.sync.Connector;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.OnPremisesDirectory;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncSettings;
import org.allot.core.sync.SyncStores;

/**
 * Contoso with a connector to an in-memory Active Directory, on in-memory ports: {@code sync.directory.addUser("ada")},
 * {@code sync.run()}, {@code sync.user("ada")}.
 */
public final class SyncScenario {
    public final Scenario contoso;
    public final InMemoryDirectory directory = new InMemoryDirectory();
    public final InMemoryConnectors connectors = new InMemoryConnectors();
    public final InMemorySyncRuns runs = new InMemorySyncRuns();
    public final InMemorySyncLocks locks = new InMemorySyncLocks();
    public final InMemoryActivitySignals activity = new InMemoryActivitySignals();
    public final InMemoryManagers managers = new InMemoryManagers();
    public final DirectorySync sync;
    public final Caller admin;
    private final SyncStores stores;

    private SyncScenario(Scenario contoso) {
        this.contoso = contoso;
        this.admin = contoso.admin;
        InMemoryAllot allot = (InMemoryAllot) contoso.allot;
        stores = new SyncStores(
                allot.tenants,
                connectors,
                runs,
                new InMemorySyncedObjects(allot.users, allot.groups),
                locks,
                java.util.function.Supplier::get);
        sync = new DirectorySync(
                stores,
                new OnPremisesDirectory(directory, new InMemorySecrets()),
                new CloudDirectory(
                        allot.userDirectory,
                        allot.groupDirectory,
                        allot.memberships,
                        new AssignedLicenses(allot.assignments, allot.groupLicenses, allot.catalog),
                        activity,
                        new org.allot.core.directory.UserManagers(
                                org.allot.core.Transactions.NONE,
                                org.allot.core.directory.TenantLocks.NONE,
                                allot.users,
                                managers,
                                allot.audit,
                                allot.clock)),
                allot.audit,
                allot.clock,
                SyncSettings.DEFAULT);
    }

    /** Contoso, connected to its Active Directory. */
    public static SyncScenario contoso() {
        SyncScenario scenario = new SyncScenario(Scenario.contoso());
        scenario.sync.configure(scenario.admin, activeDirectory()).value();
        return scenario;
    }

    /** Contoso, with no connector yet. */
    public static SyncScenario unconfigured() {
        return new SyncScenario(Scenario.contoso());
    }

    public static ConnectorRequest activeDirectory() {
        return new ConnectorRequest(
                "activeDirectory",
                "ldaps://dc1.contoso.com",
                null,
                null,
                "CN=allot-sync,OU=Service,DC=contoso,DC=com",
                "s3cret!",
                List.of("DC=contoso,DC=com"),
                null,
                null,
                Map.of(),
                true);
    }

    /** The stores the sync keeps its state in, for other use cases over them. */
    public SyncStores stores() {
        return stores;
    }

    public SyncRun run() {
        return sync.runNow(admin, false).value();
    }

    public Connector connector() {
        return sync.connector(contoso.tenant).orElseThrow();
    }

    /** The synced user {@code name@contoso.com}, deleted or not. */
    public Optional<User> user(String name) {
        return contoso.allot.users().findByPrincipalName(contoso.tenant, name + "@contoso.com");
    }

    public Optional<Group> group(String name) {
        InMemoryAllot allot = (InMemoryAllot) contoso.allot;
        return allot.groups.of(contoso.tenant).values().stream()
                .filter(g -> g.displayName().equals(name))
                .findFirst();
    }
}
