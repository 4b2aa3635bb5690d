package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.ErrorCode;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

class GroupDirectoryTest {
    private final Scenario contoso = Scenario.contoso();
    private final GroupDirectory groups = contoso.allot.groupDirectory();

    @Test
    void createsASecurityGroupByDefault() {
        Group group = groups.create(contoso.admin, Map.of(GroupAttribute.DISPLAY_NAME, "Sales – E3"), Set.of())
                .value();

        assertThat(group.securityEnabled()).isTrue();
        assertThat(group.mailEnabled()).isFalse();
        assertThat(group.mailNickname()).isEqualTo("salese3");
    }

    @Test
    void refusesUnknownGroupTypesAndMailEnabledGroups() {
        assertThat(groups.create(contoso.admin, Map.of(GroupAttribute.DISPLAY_NAME, "x"), Set.of("Distribution"))
                        .rejection()
                        .message())
                .contains("groupTypes");
        assertThat(groups.create(
                                contoso.admin,
                                Map.of(GroupAttribute.DISPLAY_NAME, "x", GroupAttribute.MAIL_ENABLED, true),
                                Set.of())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aGroupsBooleansCannotBeNullAndANullNicknameIsMadeFromTheName() {
        for (GroupAttribute flag : List.of(GroupAttribute.SECURITY_ENABLED, GroupAttribute.MAIL_ENABLED)) {
            Map<GroupAttribute, Object> values = new HashMap<>();
            values.put(GroupAttribute.DISPLAY_NAME, "Null " + flag.graphName());
            values.put(flag, null);

            assertThat(groups.create(contoso.admin, values, Set.of())
                            .rejection()
                            .message())
                    .isEqualTo("Invalid value specified for property '%s' of resource 'Group'.", flag.graphName());
            GroupId existing = contoso.aGroup("Existing " + flag.graphName()).create();
            assertThat(groups.update(contoso.admin, existing, values)
                            .rejection()
                            .code())
                    .isEqualTo(ErrorCode.INVALID_REQUEST);
        }
        Map<GroupAttribute, Object> noNickname = new HashMap<>();
        noNickname.put(GroupAttribute.DISPLAY_NAME, "No Nickname");
        noNickname.put(GroupAttribute.MAIL_NICKNAME, null);
        assertThat(groups.create(contoso.admin, noNickname, Set.of()).value().mailNickname())
                .isEqualTo("nonickname");
    }

    @Test
    void addingAnExistingMemberOrRemovingAMissingOneIsRefused() {
        UserId ada = contoso.user("ada");
        GroupId sales = contoso.aGroup("Sales").withMembers(ada).create();

        assertThat(contoso.join(sales, ada).rejection().message()).contains("already exist");
        contoso.leave(sales, ada).value();
        assertThat(contoso.leave(sales, ada).rejection().code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void unknownMembersAndGroupsAreNotFound() {
        GroupId sales = contoso.aGroup("Sales").create();

        assertThat(contoso.join(sales, UserId.random()).rejection().code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(contoso.join(GroupId.random(), contoso.user("ada"))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(contoso.nest(sales, GroupId.random()).rejection().code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void cyclesAreRejectedAtAnyDepth() {
        GroupId a = contoso.aGroup("A").create();
        GroupId b = contoso.aGroup("B").withNestedGroups(a).create();
        GroupId c = contoso.aGroup("C").withNestedGroups(b).create();
        GroupId d = contoso.aGroup("D").withNestedGroups(c).create();

        var refused = contoso.nest(a, d).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.MEMBERSHIP_CYCLE);
        assertThat(contoso.allot.memberships().descendantGroups(contoso.tenant, a))
                .isEmpty();
    }

    @Test
    void renamingAGroupIsAudited() {
        GroupId sales = contoso.aGroup("Sales").create();

        groups.update(contoso.admin, sales, Map.of(GroupAttribute.DISPLAY_NAME, "Sales EMEA"))
                .value();

        assertThat(contoso.allot
                        .groups()
                        .find(contoso.tenant, sales)
                        .orElseThrow()
                        .displayName())
                .isEqualTo("Sales EMEA");
        assertThat(contoso.audit(org.allot.core.audit.Activity.UPDATE_GROUP)).hasSize(1);
    }
}
