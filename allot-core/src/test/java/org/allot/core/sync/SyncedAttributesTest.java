package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.allot.core.ErrorCode;
import org.allot.core.catalog.Product;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.testing.InMemoryAllot;
import org.allot.core.testing.SyncScenario;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * What a sync brings over beside names and memberships: the on-premises attributes Graph shows, the extension
 * attributes dynamic rules read, and a usage location where the connector maps one.
 */
class SyncedAttributesTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final Product e3 = TestCatalog.E3;

    @Test
    void syncedUsersCarryTheirDistinguishedNameDomainAndTheTimeOfTheLastChange() {
        String ada = contoso.directory.addUser("ada", "objectSid", "S-1-5-21-1-2-3-1105", "extensionAttribute4", "x");
        String staff = contoso.directory.addGroup("Staff", ada);
        contoso.directory.modify(staff, "sAMAccountName", "staff-sg");
        Instant before = ((InMemoryAllot) contoso.contoso.allot).clock.instant();
        SyncRun run = contoso.run();

        User synced = contoso.user("ada").orElseThrow();
        Instant first = synced.onPremises().lastSyncDateTime();
        assertThat(first).isAfter(before).isBefore(run.finishedAt());
        assertThat(synced.onPremises().distinguishedName()).isEqualTo(ada);
        assertThat(synced.onPremises().domainName()).isEqualTo("contoso.com");
        assertThat(synced.onPremises().securityIdentifier()).isEqualTo("S-1-5-21-1-2-3-1105");
        assertThat(synced.extensionAttributes().get(4)).isEqualTo("x");
        Group group = contoso.group("Staff").orElseThrow();
        assertThat(group.onPremisesSamAccountName()).isEqualTo("staff-sg");
        assertThat(group.onPremises().domainName()).isEqualTo("contoso.com");
        assertThat(group.onPremises().lastSyncDateTime()).isAfter(before).isBefore(run.finishedAt());

        ((InMemoryAllot) contoso.contoso.allot).clock.advance(Duration.ofMinutes(30));
        contoso.sync.runNow(contoso.admin, true).value();
        assertThat(contoso.user("ada").orElseThrow().onPremises().lastSyncDateTime())
                .as("a run that changes nothing writes nothing")
                .isEqualTo(first);

        contoso.directory.modify(ada, "extensionAttribute4", "y");
        contoso.run();
        User changed = contoso.user("ada").orElseThrow();
        assertThat(changed.extensionAttributes().get(4)).isEqualTo("y");
        assertThat(changed.onPremises().lastSyncDateTime()).isAfter(first.plus(Duration.ofMinutes(30)));
        assertThat(contoso.contoso
                        .update(changed.id(), UserAttribute.EXTENSION_ATTRIBUTE_4, "z")
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);
    }

    @Test
    void aConnectorMayTakeTheUsageLocationFromTheDirectoryAsEntraConnectDoes() {
        contoso.sync
                .configure(contoso.admin, withMapping(Map.of("usageLocation", "msExchUsageLocation,c")))
                .value();
        String ada = contoso.directory.addUser("ada", "c", "SE");
        String grace = contoso.directory.addUser("grace", "msExchUsageLocation", "NO", "c", "SE");
        contoso.directory.addUser("alan");
        contoso.run();

        assertThat(contoso.user("ada").orElseThrow().usageLocation()).isEqualTo(UsageLocation.of("SE"));
        assertThat(contoso.user("grace").orElseThrow().usageLocation()).isEqualTo(UsageLocation.of("NO"));
        assertThat(contoso.user("alan").orElseThrow().usageLocation()).isNull();

        User synced = contoso.user("ada").orElseThrow();
        contoso.directory.modify(ada, "c", "Narnia");
        contoso.run();
        assertThat(contoso.user("ada").orElseThrow().usageLocation())
                .as("no country code in the directory: the user keeps the one it has")
                .isEqualTo(UsageLocation.of("SE"));

        contoso.directory.modify(grace, "msExchUsageLocation", "DE");
        contoso.run();
        assertThat(contoso.user("grace").orElseThrow().usageLocation()).isEqualTo(UsageLocation.of("DE"));
        assertThat(synced.id()).isEqualTo(contoso.user("ada").orElseThrow().id());
    }

    @Test
    void aSyncedUsersExtensionAttributeTakesItIntoADynamicGroupAndItsLicense() {
        contoso.contoso.subscribe(e3, 10);
        GroupId contractors = contoso.contoso
                .aGroup("Contractors")
                .withRule("user.extensionAttribute1 -eq \"Contractor\"")
                .licensedWith(e3)
                .create();
        String ada = contoso.directory.addUser("ada", "extensionAttribute1", "Contractor");
        contoso.directory.addUser("grace", "extensionAttribute1", "Employee");
        contoso.run();
        contoso.contoso.runJobs();

        User synced = contoso.user("ada").orElseThrow();
        assertThat(contoso.contoso.membersOf(contractors)).containsExactly(synced.id());
        assertThat(contoso.contoso.heldSkus(synced.id())).containsExactly(e3.skuId());
        assertThat(contoso.contoso.heldSkus(contoso.user("grace").orElseThrow().id()))
                .isEmpty();

        contoso.directory.modify(ada, "extensionAttribute1", "Employee");
        contoso.run();
        contoso.contoso.runJobs();
        assertThat(contoso.contoso.membersOf(contractors)).isEmpty();
        assertThat(contoso.contoso.heldSkus(synced.id())).isEmpty();
    }

    private static ConnectorRequest withMapping(Map<String, String> mapping) {
        ConnectorRequest ad = SyncScenario.activeDirectory();
        return new ConnectorRequest(
                ad.preset(), ad.url(), null, null, ad.bindDn(), ad.password(), ad.baseDns(), null, null, mapping, true);
    }
}
