package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
                .isEqualTo("The entry has no userPrincipalName (read from userPrincipalName), which every user needs.");
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
