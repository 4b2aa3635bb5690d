package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.OnPremisesAttributes;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * Graph's {@code onPremises…} attributes of synced users and groups, read from an Active-Directory-shaped tree on the
 * UnboundID in-memory server into Allot on PostgreSQL: the distinguished name, the domain, the {@code objectSid} as
 * {@code S-1-5-…}, the time of the last change, Exchange's extensionAttribute1 to 15 (in membership rules too), and
 * the usage location a connector may take from {@code msExchUsageLocation} or {@code c}.
 */
class OnPremisesAttributesIT extends ActiveDirectorySyncFixture {
    private static final String ADA = "CN=Ada Lovelace," + ENGINEERING;
    private static final String GRACE = "CN=Grace Hopper," + ENGINEERING;
    /** S-1-5-21-1004336348-1177238915-682003330-1105. */
    private static final byte[] ADA_SID =
            HexFormat.of().parseHex("010500000000000515000000dcf4dc3b833d2b46828ba62851040000");
    /** S-1-5-21-1004336348-1177238915-682003330-1130. */
    private static final byte[] ENGINEERING_SID =
            HexFormat.of().parseHex("010500000000000515000000dcf4dc3b833d2b46828ba6286a040000");

    @Test
    void syncedUsersAndGroupsCarryTheirOnPremisesAttributesAndCloudUsersNone() throws Exception {
        directory.replaceBytes(ADA, "objectSid", ADA_SID);
        directory.replace(ADA, "extensionAttribute1", "Contractor");
        directory.replace(ADA, "extensionAttribute15", "cost-4711");
        directory.replaceBytes("CN=Engineering," + GROUPS, "objectSid", ENGINEERING_SID);
        UserId cloud = allot.contoso.user("cloud");
        allot.connect(connector());
        Instant before = allot.allot.clock().instant();

        assertThat(allot.run().state()).isEqualTo(SyncRunState.SUCCEEDED);

        User ada = allot.synced("ada.lovelace@contoso.com");
        assertThat(ada.onPremises().distinguishedName()).isEqualTo(ADA);
        assertThat(ada.onPremises().domainName()).isEqualTo("contoso.com");
        assertThat(ada.onPremises().securityIdentifier()).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1105");
        assertThat(ada.onPremises().lastSyncDateTime()).isAfterOrEqualTo(before);
        assertThat(ada.onPremisesSamAccountName()).isEqualTo("ada");
        assertThat(ada.extensionAttributes().get(1)).isEqualTo("Contractor");
        assertThat(ada.extensionAttributes().get(15)).isEqualTo("cost-4711");
        assertThat(ada.extensionAttributes().get(2)).isNull();
        assertThat(allot.synced("grace.hopper@contoso.com").onPremises().securityIdentifier())
                .as("no objectSid in the test tree")
                .isNull();
        Group engineering = allot.group("Engineering").orElseThrow();
        assertThat(engineering.onPremisesSamAccountName()).isEqualTo("Engineering");
        assertThat(engineering.onPremises().domainName()).isEqualTo("contoso.com");
        assertThat(engineering.onPremises().securityIdentifier())
                .isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1130");
        assertThat(engineering.onPremises().lastSyncDateTime()).isAfterOrEqualTo(before);
        assertThat(allot.contoso
                        .allot
                        .users()
                        .find(allot.tenant, cloud)
                        .orElseThrow()
                        .onPremises())
                .isEqualTo(OnPremisesAttributes.NONE);

        Instant first = ada.onPremises().lastSyncDateTime();
        allot.allot.clock().advance(Duration.ofMinutes(30));
        directory.replace(GRACE, "title", "Commodore");
        allot.run();
        assertThat(allot.synced("grace.hopper@contoso.com").jobTitle()).isEqualTo("Commodore");
        assertThat(allot.synced("ada.lovelace@contoso.com").onPremises().lastSyncDateTime())
                .as("Ada did not change")
                .isEqualTo(first);
        assertThat(allot.synced("grace.hopper@contoso.com").onPremises().lastSyncDateTime())
                .isAfterOrEqualTo(first.plus(Duration.ofMinutes(30)));

        directory.rename(ADA, "CN=Ada King", "OU=Sales," + STAFF);
        allot.run();
        assertThat(allot.synced("ada.lovelace@contoso.com").onPremises().distinguishedName())
                .isEqualTo("CN=Ada King,OU=Sales," + STAFF);
    }

    @Test
    void anExtensionAttributeTakesASyncedUserIntoADynamicGroupAndItsLicense() throws Exception {
        allot.contoso.subscribe(TestCatalog.E3, 10);
        GroupId contractors = allot.contoso
                .aGroup("Contractors")
                .withRule("user.extensionAttribute1 -eq \"Contractor\"")
                .licensedWith(TestCatalog.E3)
                .create();
        directory.replace(ADA, "extensionAttribute1", "Contractor");
        directory.replace(GRACE, "extensionAttribute1", "Employee");
        allot.connect(connector());

        allot.run();
        allot.contoso.runJobs();

        User ada = allot.synced("ada.lovelace@contoso.com");
        assertThat(allot.contoso.membersOf(contractors)).containsExactly(ada.id());
        assertThat(allot.contoso.heldSkus(ada.id())).containsExactly(TestCatalog.E3.skuId());
        assertThat(allot.contoso.heldSkus(
                        allot.synced("grace.hopper@contoso.com").id()))
                .isEmpty();

        directory.replace(ADA, "extensionAttribute1", "Employee");
        allot.run();
        allot.contoso.runJobs();
        assertThat(allot.contoso.membersOf(contractors)).isEmpty();
        assertThat(allot.contoso.heldSkus(ada.id())).isEmpty();
    }

    @Test
    void aConnectorMayTakeTheUsageLocationFromMsExchUsageLocationOrCountry() throws Exception {
        directory.replace(GRACE, "msExchUsageLocation", "US");
        allot.connect(connector(List.of(STAFF, GROUPS), Map.of("usageLocation", "msExchUsageLocation,c"), null));

        allot.run();

        assertThat(allot.synced("ada.lovelace@contoso.com").usageLocation())
                .as("c: GB")
                .isEqualTo(UsageLocation.of("GB"));
        assertThat(allot.synced("grace.hopper@contoso.com").usageLocation()).isEqualTo(UsageLocation.of("US"));

        directory.replace(ADA, "c", "Albion");
        directory.replace(GRACE, "msExchUsageLocation", "CA");
        allot.run();
        assertThat(allot.synced("ada.lovelace@contoso.com").usageLocation())
                .as("not a country code: kept")
                .isEqualTo(UsageLocation.of("GB"));
        assertThat(allot.synced("grace.hopper@contoso.com").usageLocation()).isEqualTo(UsageLocation.of("CA"));
    }
}
