package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Map;
import org.allot.core.sync.AttributeMapping;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryPreset;
import org.junit.jupiter.api.Test;

/** Which groups list an object, from Active Directory's memberOf, and when the groups must be searched instead. */
class MemberOfLinksTest {
    private static final String ADA = "CN=Ada Lovelace,OU=Staff,DC=contoso,DC=com";
    private static final String BOB = "CN=Bob,OU=Staff,DC=contoso,DC=com";
    private static final String CY = "CN=Cy,OU=Staff,DC=contoso,DC=com";
    private static final String ENGINEERING = "CN=Engineering,OU=Groups,DC=contoso,DC=com";
    private static final List<String> AD = List.of(MemberOfLinks.ACTIVE_DIRECTORY);

    @Test
    void anActiveDirectoryServerTellsTheGroupsOfWhatWasReadAndNoMemberOfMeansNoGroup() {
        MemberOfLinks links = MemberOfLinks.of(settings(DirectoryPreset.ACTIVE_DIRECTORY, Map.of()), AD);
        assertThat(links.attributes()).containsExactly("memberOf");
        links.read(entry(ADA, new Attribute("memberOf", "cn=Engineering,ou=Groups,dc=contoso,dc=com")));
        links.read(entry(BOB));

        MemberOfLinks.Groups groups = links.of(List.of(ADA, BOB, CY));

        assertThat(groups.groups()).containsExactly(LdapSession.key(ENGINEERING));
        assertThat(groups.unknown()).as("Cy was not read with memberOf").containsExactly(CY);
    }

    @Test
    void rangedBackLinksAreLeftToTheSearchByMember() {
        MemberOfLinks links = MemberOfLinks.of(settings(DirectoryPreset.ACTIVE_DIRECTORY, Map.of()), AD);
        links.read(entry(ADA, new Attribute("memberOf;range=0-1499", ENGINEERING)));

        assertThat(links.of(List.of(ADA)).unknown()).containsExactly(ADA);
    }

    @Test
    void otherServersAndOtherMemberAttributesAreSearchedByMember() {
        for (MemberOfLinks links : List.of(
                MemberOfLinks.of(settings(DirectoryPreset.ACTIVE_DIRECTORY, Map.of()), List.of()),
                MemberOfLinks.of(settings(DirectoryPreset.GENERIC_LDAP, Map.of()), AD),
                MemberOfLinks.of(
                        settings(
                                DirectoryPreset.ACTIVE_DIRECTORY,
                                Map.of(AttributeMapping.GROUP_MEMBER, "member, msSFU30PosixMember")),
                        AD))) {
            assertThat(links.attributes()).isEmpty();
            links.read(entry(ADA, new Attribute("memberOf", ENGINEERING)));
            assertThat(links.of(List.of(ADA)).unknown()).containsExactly(ADA);
        }
    }

    private static SearchResultEntry entry(String dn, Attribute... attributes) {
        return new SearchResultEntry(dn, attributes, new Control[0]);
    }

    private static ConnectorSettings settings(DirectoryPreset preset, Map<String, String> overrides) {
        return new ConnectorSettings(
                "ldap://localhost:389",
                false,
                null,
                null,
                List.of("DC=contoso,DC=com"),
                "(objectClass=user)",
                "(objectClass=group)",
                preset,
                overrides,
                preset.mapping().withOverrides(overrides).value(),
                true,
                List.of(),
                true,
                false,
                null);
    }
}
