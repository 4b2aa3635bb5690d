package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.UserAttribute;
import org.junit.jupiter.api.Test;

class EntryMapperTest {
    private final EntryMapper activeDirectory = new EntryMapper(AttributeMapping.ACTIVE_DIRECTORY);
    private final EntryMapper genericLdap = new EntryMapper(AttributeMapping.GENERIC_LDAP);

    /** The objectGUID bytes of {c8f3b2a1-...}, as Active Directory stores them (first three fields little-endian). */
    private static final byte[] GUID = HexFormat.of().parseHex("a1b2f3c8d4e5f60718293a4b5c6d7e8f");

    @Test
    void theImmutableIdIsTheObjectGuidInBase64AsEntraWritesIt() {
        DirectoryEntry ada = entry("objectGUID", GUID, "userPrincipalName", "ada@contoso.com", "cn", "Ada");

        assertThat(activeDirectory.immutableId(ObjectKind.USER, ada)).contains("obLzyNTl9gcYKTpLXG1+jw==");
    }

    @Test
    void aConsistencyGuidAnchorsUsersOnlyAndAUserWithoutOneFallsBackToItsObjectGuid() {
        EntryMapper consistency = new EntryMapper(AttributeMapping.ACTIVE_DIRECTORY
                .withOverrides(Map.of("onPremisesImmutableId", "mS-DS-ConsistencyGuid"))
                .value());
        byte[] other = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        DirectoryEntry withGuid = entry("objectGUID", GUID, "mS-DS-ConsistencyGuid", other);
        DirectoryEntry without = entry("objectGUID", GUID);

        assertThat(consistency.immutableId(ObjectKind.USER, withGuid)).contains("ABEiM0RVZneImaq7zN3u/w==");
        assertThat(consistency.immutableId(ObjectKind.USER, without)).contains("obLzyNTl9gcYKTpLXG1+jw==");
        assertThat(consistency.immutableId(ObjectKind.GROUP, withGuid))
                .as("groups keep objectGUID")
                .contains("obLzyNTl9gcYKTpLXG1+jw==");
        assertThat(consistency.immutableId(ObjectKind.USER, entry("cn", "Nobody")))
                .isEmpty();
        assertThat(consistency.noIdReason(ObjectKind.USER)).contains("no mS-DS-ConsistencyGuid nor objectGUID");
    }

    @Test
    void activeDirectoryAttributesMapToGraphAttributes() {
        DirectoryEntry ada = entry(
                "objectGUID", GUID,
                "userPrincipalName", "ada@contoso.com",
                "displayName", "Ada Lovelace",
                "givenName", "Ada",
                "sn", "Lovelace",
                "mail", "ada@contoso.com",
                "sAMAccountName", "ada",
                "department", "Engineering",
                "title", "Countess",
                "company", "Contoso",
                "l", "London",
                "c", "GB",
                "employeeID", "E-1815",
                "userAccountControl", "512");

        SyncedUser user = activeDirectory.user(ada).value();

        assertThat(user.samAccountName()).isEqualTo("ada");
        assertThat(user.values())
                .containsEntry(UserAttribute.USER_PRINCIPAL_NAME, "ada@contoso.com")
                .containsEntry(UserAttribute.DISPLAY_NAME, "Ada Lovelace")
                .containsEntry(UserAttribute.GIVEN_NAME, "Ada")
                .containsEntry(UserAttribute.SURNAME, "Lovelace")
                .containsEntry(UserAttribute.MAIL_NICKNAME, "ada")
                .containsEntry(UserAttribute.DEPARTMENT, "Engineering")
                .containsEntry(UserAttribute.JOB_TITLE, "Countess")
                .containsEntry(UserAttribute.COMPANY_NAME, "Contoso")
                .containsEntry(UserAttribute.CITY, "London")
                .containsEntry(UserAttribute.COUNTRY, "GB")
                .containsEntry(UserAttribute.EMPLOYEE_ID, "E-1815")
                .containsEntry(UserAttribute.ACCOUNT_ENABLED, true)
                .doesNotContainKey(UserAttribute.USAGE_LOCATION);
    }

    @Test
    void bitTwoOfUserAccountControlDisablesTheAccount() {
        assertThat(activeDirectory.user(person("514")).value().values())
                .containsEntry(UserAttribute.ACCOUNT_ENABLED, false);
        assertThat(activeDirectory.user(person("66048")).value().values())
                .containsEntry(UserAttribute.ACCOUNT_ENABLED, true);
        assertThat(activeDirectory.user(person("66050")).value().values())
                .containsEntry(UserAttribute.ACCOUNT_ENABLED, false);
        assertThat(activeDirectory.user(person("lots")).rejection().message())
                .isEqualTo("The entry's userAccountControl is not a number.");
    }

    @Test
    void attributesTheEntryLacksAreClearedAndDisplayNameFallsBackToCn() {
        DirectoryEntry ada = entry("objectGUID", GUID, "userPrincipalName", "ada@contoso.com", "cn", "Ada");

        SyncedUser user = activeDirectory.user(ada).value();

        assertThat(user.values()).containsEntry(UserAttribute.DISPLAY_NAME, "Ada");
        assertThat(user.values()).containsEntry(UserAttribute.DEPARTMENT, null);
    }

    @Test
    void entriesWithoutAnImmutableIdOrAPrincipalNameAreRefused() {
        assertThat(activeDirectory
                        .user(entry("userPrincipalName", "x@contoso.com"))
                        .rejection()
                        .message())
                .contains("no objectGUID");
        assertThat(activeDirectory
                        .user(entry("objectGUID", GUID, "cn", "Ada"))
                        .rejection()
                        .message())
                .isEqualTo("The entry has no userPrincipalName (read from userPrincipalName) and no sAMAccountName to"
                        + " make one from on the tenant's initial domain, and every user needs one.");
    }

    @Test
    void securityGroupsAreThoseWithTheSignBitOfGroupType() {
        SyncedGroup security = activeDirectory
                .group(entry("objectGUID", GUID, "cn", "Sales", "groupType", "-2147483646"))
                .value();
        SyncedGroup distribution = activeDirectory
                .group(entry("objectGUID", GUID, "cn", "News", "groupType", "2", "sAMAccountName", "news"))
                .value();

        assertThat(security.values()).containsEntry(GroupAttribute.SECURITY_ENABLED, true);
        assertThat(security.values()).containsEntry(GroupAttribute.DISPLAY_NAME, "Sales");
        assertThat(distribution.values())
                .containsEntry(GroupAttribute.SECURITY_ENABLED, false)
                .containsEntry(GroupAttribute.MAIL_NICKNAME, "news");
    }

    @Test
    void genericLdapUsesEntryUuidAndInetOrgPerson() {
        DirectoryEntry grace = entry(
                "entryUUID", "6f1e0d7c-4a1b-4c3d-9e8f-0a1b2c3d4e5f".getBytes(StandardCharsets.UTF_8),
                "mail", "grace@contoso.com",
                "cn", "Grace Hopper",
                "uid", "grace",
                "departmentNumber", "Navy",
                "employeeNumber", "1906");

        SyncedUser user = genericLdap.user(grace).value();

        assertThat(user.immutableId()).isEqualTo("6f1e0d7c-4a1b-4c3d-9e8f-0a1b2c3d4e5f");
        assertThat(user.samAccountName()).isEqualTo("grace");
        assertThat(user.values())
                .containsEntry(UserAttribute.USER_PRINCIPAL_NAME, "grace@contoso.com")
                .containsEntry(UserAttribute.DISPLAY_NAME, "Grace Hopper")
                .containsEntry(UserAttribute.DEPARTMENT, "Navy")
                .containsEntry(UserAttribute.EMPLOYEE_ID, "1906")
                .doesNotContainKey(UserAttribute.ACCOUNT_ENABLED);
    }

    /** S-1-5-21-1004336348-1177238915-682003330-1105: revision 1, five sub-authorities, authority 5 (NT). */
    private static final byte[] SID =
            HexFormat.of().parseHex("010500000000000515000000dcf4dc3b833d2b46828ba62851040000");

    @Test
    void activeDirectoryEntriesGiveGraphsOnPremisesAttributes() {
        DirectoryEntry ada = new DirectoryEntry(
                "CN=Lovelace\\, Ada,OU=Staff,DC=Corp,DC=Contoso,DC=com",
                "cn=lovelace\\, ada,ou=staff,dc=corp,dc=contoso,dc=com",
                Map.of(
                        "objectGUID", List.of(GUID),
                        "userPrincipalName", List.of(bytes("ada@contoso.com")),
                        "cn", List.of(bytes("Ada")),
                        "objectSid", List.of(SID),
                        "extensionAttribute1", List.of(bytes("Contractor")),
                        "extensionAttribute15", List.of(bytes("cost-4711"))),
                List.of());

        SyncedUser user = activeDirectory.user(ada).value();

        assertThat(user.onPremises().distinguishedName())
                .isEqualTo("CN=Lovelace\\, Ada,OU=Staff,DC=Corp,DC=Contoso,DC=com");
        assertThat(user.onPremises().domainName()).isEqualTo("corp.contoso.com");
        assertThat(user.onPremises().securityIdentifier()).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1105");
        assertThat(user.onPremises().lastSyncDateTime()).as("set when written").isNull();
        assertThat(user.values())
                .containsEntry(UserAttribute.EXTENSION_ATTRIBUTE_1, "Contractor")
                .containsEntry(UserAttribute.EXTENSION_ATTRIBUTE_15, "cost-4711")
                .containsEntry(UserAttribute.EXTENSION_ATTRIBUTE_2, null)
                .doesNotContainKey(UserAttribute.USAGE_LOCATION);
    }

    @Test
    void groupsGetTheirAccountNameDomainAndSecurityIdentifierButNoDistinguishedName() {
        DirectoryEntry staff = entry("objectGUID", GUID, "cn", "Staff", "sAMAccountName", "staff-sg", "objectSid", SID);

        SyncedGroup group = activeDirectory.group(staff).value();

        assertThat(group.samAccountName()).isEqualTo("staff-sg");
        assertThat(group.onPremises().domainName()).isEqualTo("contoso.com");
        assertThat(group.onPremises().securityIdentifier()).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1105");
        assertThat(group.onPremises().distinguishedName()).isNull();
    }

    @Test
    void securityIdentifiersAreDecodedOrLeftOutAndGenericLdapHasNoneUnlessMapped() {
        assertThat(OnPremisesValues.securityIdentifier(HexFormat.of().parseHex("010100000000000512000000")))
                .as("S-1-5-18, Local System")
                .contains("S-1-5-18");
        assertThat(OnPremisesValues.securityIdentifier(new byte[] {1, 5, 0})).isEmpty();
        assertThat(OnPremisesValues.domainOf("CN=x,OU=People,O=Example")).isEmpty();
        DirectoryEntry person = entry(
                "entryUUID", "1b4f-uuid", "mail", "ann@example.org", "cn", "Ann", "sambaSID", "S-1-5-21-1-2-3-1001");

        assertThat(genericLdap.user(person).value().onPremises().securityIdentifier())
                .isNull();
        EntryMapper samba = new EntryMapper(AttributeMapping.GENERIC_LDAP
                .withOverrides(Map.of("onPremisesSecurityIdentifier", "sambaSID"))
                .value());
        assertThat(samba.user(person).value().onPremises().securityIdentifier()).isEqualTo("S-1-5-21-1-2-3-1001");
    }

    @Test
    void aMappedUsageLocationIsTheFirstCountryCodeAndNothingOtherwise() {
        EntryMapper entraConnect = new EntryMapper(AttributeMapping.ACTIVE_DIRECTORY
                .withOverrides(Map.of("usageLocation", "msExchUsageLocation,c"))
                .value());
        DirectoryEntry both = entry(
                "objectGUID",
                GUID,
                "userPrincipalName",
                "ada@contoso.com",
                "cn",
                "Ada",
                "msExchUsageLocation",
                "no",
                "c",
                "SE");
        DirectoryEntry countryOnly =
                entry("objectGUID", GUID, "userPrincipalName", "ada@contoso.com", "cn", "Ada", "c", "SE");
        DirectoryEntry notACountry = entry(
                "objectGUID",
                GUID,
                "userPrincipalName",
                "ada@contoso.com",
                "cn",
                "Ada",
                "msExchUsageLocation",
                "Sweden");
        DirectoryEntry none = entry("objectGUID", GUID, "userPrincipalName", "ada@contoso.com", "cn", "Ada");

        assertThat(entraConnect.user(both).value().values()).containsEntry(UserAttribute.USAGE_LOCATION, "NO");
        assertThat(entraConnect.user(countryOnly).value().values()).containsEntry(UserAttribute.USAGE_LOCATION, "SE");
        assertThat(entraConnect.user(notACountry).value().values()).doesNotContainKey(UserAttribute.USAGE_LOCATION);
        assertThat(entraConnect.user(none).value().values()).doesNotContainKey(UserAttribute.USAGE_LOCATION);
        assertThat(activeDirectory.user(countryOnly).value().values())
                .as("off by default")
                .doesNotContainKey(UserAttribute.USAGE_LOCATION);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static DirectoryEntry person(String accountControl) {
        return entry(
                "objectGUID",
                GUID,
                "userPrincipalName",
                "ada@contoso.com",
                "cn",
                "Ada",
                "userAccountControl",
                accountControl);
    }

    @Test
    void activeDirectoryReadsTheLastLogonTimestampAndOtherDirectoriesOnlyWhenMapped() {
        DirectoryEntry entry = entry(
                "lastLogonTimestamp", "134405001001234567", "authTimestamp", "20261130081500Z", "pwdLastSuccess", "x");

        assertThat(AttributeMapping.ACTIVE_DIRECTORY.attributesOf(ObjectKind.USER))
                .contains("lastLogonTimestamp");
        assertThat(activeDirectory.lastLogon(entry)).contains(Instant.parse("2026-11-30T08:15:00.1234567Z"));
        assertThat(activeDirectory.lastLogon(entry("lastLogonTimestamp", "0"))).isEmpty();
        assertThat(activeDirectory.lastLogon(entry("cn", "Ada"))).isEmpty();
        assertThat(genericLdap.lastLogon(entry)).as("not read unless mapped").isEmpty();
        assertThat(AttributeMapping.GENERIC_LDAP.attributesOf(ObjectKind.USER)).doesNotContain("lastLogonTimestamp");

        EntryMapper mapped = new EntryMapper(AttributeMapping.GENERIC_LDAP
                .withOverrides(Map.of("lastLogonTimestamp", "authTimestamp"))
                .value());
        assertThat(mapped.lastLogon(entry)).contains(Instant.parse("2026-11-30T08:15:00Z"));
        EntryMapper garbage = new EntryMapper(AttributeMapping.GENERIC_LDAP
                .withOverrides(Map.of("lastLogonTimestamp", "pwdLastSuccess"))
                .value());
        assertThat(garbage.lastLogon(entry)).isEmpty();
        EntryMapper off = new EntryMapper(AttributeMapping.ACTIVE_DIRECTORY
                .withOverrides(Map.of("lastLogonTimestamp", ""))
                .value());
        assertThat(off.lastLogon(entry)).isEmpty();
        assertThat(AttributeMapping.ACTIVE_DIRECTORY
                        .withOverrides(Map.of("lastLogonTimestamp", "not an attribute!"))
                        .isDone())
                .isFalse();
    }

    private static DirectoryEntry entry(Object... namesAndValues) {
        Map<String, List<byte[]>> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            attributes.put(
                    (String) namesAndValues[i],
                    List.of(value instanceof byte[] b ? b : ((String) value).getBytes(StandardCharsets.UTF_8)));
        }
        return new DirectoryEntry("CN=x,DC=contoso,DC=com", "cn=x,dc=contoso,dc=com", attributes, List.of());
    }
}
