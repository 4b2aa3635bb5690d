package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allot.core.ErrorCode;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.UserAttribute;
import org.junit.jupiter.api.Test;

class AttributeMappingTest {
    private final AttributeMapping ad = AttributeMapping.ACTIVE_DIRECTORY;

    @Test
    void overridesReplaceThePresetsChoiceAttributeByAttribute() {
        AttributeMapping mapped = ad.withOverrides(Map.of(
                        "department", "extensionAttribute1, department",
                        "employeeId", "",
                        "onPremisesImmutableId", "mS-DS-ConsistencyGuid",
                        "group.description", "info"))
                .value();

        assertThat(mapped.user().get(UserAttribute.DEPARTMENT)).containsExactly("extensionAttribute1", "department");
        assertThat(mapped.user().get(UserAttribute.EMPLOYEE_ID)).isEmpty();
        assertThat(mapped.immutableId()).isEqualTo("mS-DS-ConsistencyGuid");
        assertThat(mapped.immutableIdFormat()).isEqualTo(AttributeMapping.IdFormat.BINARY);
        assertThat(mapped.idAttributes(ObjectKind.USER)).containsExactly("mS-DS-ConsistencyGuid", "objectGUID");
        assertThat(mapped.idAttributes(ObjectKind.GROUP)).containsExactly("objectGUID");
        assertThat(mapped.attributesOf(ObjectKind.GROUP)).doesNotContain("mS-DS-ConsistencyGuid");
        assertThat(ad.idAttributes(ObjectKind.USER)).containsExactly("objectGUID");
        assertThat(mapped.group().get(GroupAttribute.DESCRIPTION)).containsExactly("info");
        assertThat(mapped.user().get(UserAttribute.JOB_TITLE)).containsExactly("title");
    }

    @Test
    void unknownAttributesCannotBeMappedButUsageLocationCanBe() {
        assertThat(ad.user()).as("not synced unless mapped").doesNotContainKey(UserAttribute.USAGE_LOCATION);
        assertThat(ad.withOverrides(Map.of("usageLocation", "msExchUsageLocation,c"))
                        .value()
                        .user()
                        .get(UserAttribute.USAGE_LOCATION))
                .containsExactly("msExchUsageLocation", "c");
        assertThat(ad.withOverrides(Map.of("shoeSize", "x")).rejection().message())
                .startsWith("'shoeSize' cannot be mapped.");
        assertThat(ad.withOverrides(Map.of("userPrincipalName", "")).rejection().message())
                .isEqualTo("userPrincipalName must be mapped: users need one.");
        assertThat(ad.withOverrides(Map.of("department", "dep artment"))
                        .rejection()
                        .message())
                .contains("'dep artment' is not a directory attribute name");
    }

    @Test
    void aRunReadsTheMappedAttributesOnly() {
        assertThat(ad.attributesOf(ObjectKind.USER))
                .contains(
                        "objectGUID", "userPrincipalName", "displayName", "cn", "userAccountControl", "sAMAccountName")
                .doesNotContain("member");
        assertThat(ad.attributesOf(ObjectKind.GROUP)).contains("objectGUID", "cn", "groupType", "member");
    }

    @Test
    void activeDirectoryReadsTheExtensionAttributesTheSecurityIdentifierAndGroupsAccountNames() {
        assertThat(ad.attributesOf(ObjectKind.USER))
                .contains("extensionAttribute1", "extensionAttribute15", "objectSid")
                .doesNotContain("msExchUsageLocation");
        assertThat(ad.attributesOf(ObjectKind.GROUP)).contains("objectSid", "sAMAccountName");
        assertThat(AttributeMapping.GENERIC_LDAP.attributesOf(ObjectKind.USER)).doesNotContain("objectSid");
        AttributeMapping without = ad.withOverrides(Map.of(
                        "onPremisesSecurityIdentifier",
                        "",
                        "group.onPremisesSamAccountName",
                        "",
                        "extensionAttribute3",
                        ""))
                .value();
        assertThat(without.securityIdentifier()).isNull();
        assertThat(without.groupSamAccountName()).isNull();
        assertThat(without.attributesOf(ObjectKind.USER)).doesNotContain("objectSid", "extensionAttribute3");
    }

    @Test
    void groupsCanListTheirMembersInSeveralAttributesAndByAUserAttribute() {
        AttributeMapping mapped = AttributeMapping.GENERIC_LDAP
                .withOverrides(Map.of("group.member", "member, uniqueMember, memberUid : uid"))
                .value();

        assertThat(mapped.members())
                .containsExactly(
                        MemberAttribute.ofDns("member"),
                        MemberAttribute.ofDns("uniqueMember"),
                        new MemberAttribute("memberUid", "uid"));
        assertThat(mapped.members()).extracting(MemberAttribute::toString).contains("memberUid:uid");
        assertThat(mapped.attributesOf(ObjectKind.GROUP)).contains("member", "uniqueMember", "memberUid");
        assertThat(AttributeMapping.GENERIC_LDAP.members()).containsExactly(MemberAttribute.ofDns("member"));
    }

    @Test
    void memberAttributesMustBeAttributesNamedOnce() {
        assertThat(ad.withOverrides(Map.of("group.member", "")).rejection().message())
                .isEqualTo("group.member must name at least one attribute: groups need their members.");
        assertThat(ad.withOverrides(Map.of("group.member", "member, Member"))
                        .rejection()
                        .message())
                .isEqualTo("group.member names Member twice: keep it once.");
        assertThat(ad.withOverrides(Map.of("group.member", "memberUid:"))
                        .rejection()
                        .message())
                .startsWith("'memberUid:' is not a member attribute (mapping of group.member)");
        assertThat(ad.withOverrides(Map.of("group.member", "member, memberUid"))
                        .rejection()
                        .message())
                .as("posixGroup's memberUid read as distinguished names would give every posixGroup no members")
                .isEqualTo("memberUid names users by their uid, not by distinguished name: write memberUid:uid"
                        + " (mapping of group.member).");
        assertThat(ad.withOverrides(Map.of("group.member", "member uid"))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
