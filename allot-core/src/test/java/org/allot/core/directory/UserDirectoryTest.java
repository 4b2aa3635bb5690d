package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
    private final Scenario contoso = Scenario.contoso();
    private final UserDirectory users = contoso.allot.userDirectory();

    @Test
    void createsAUserWithDefaults() {
        User ada = users.create(contoso.admin, values("ada.lovelace@Contoso.com", "Ada Lovelace"))
                .value();

        assertThat(ada.mailNickname()).isEqualTo("ada.lovelace");
        assertThat(ada.accountEnabled()).isTrue();
        assertThat(ada.userType()).isEqualTo(UserType.Member);
        assertThat(ada.usageLocation()).isNull();
        assertThat(ada.onPremisesSyncEnabled()).isFalse();
    }

    @Test
    void principalNamesAreUniqueWhateverTheirCase() {
        users.create(contoso.admin, values("ada@contoso.com", "Ada")).value();

        Rejection refused = users.create(contoso.admin, values("ADA@CONTOSO.COM", "Ada again"))
                .rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(refused.message())
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
    }

    @Test
    void aNewUserTakesTheNameOfADeletedOneWhichKeepsItsIdUnderAPrefixedName() {
        User old = users.create(contoso.admin, values("ada@contoso.com", "Ada")).value();
        users.delete(contoso.admin, old.id()).value();

        User ada = users.create(contoso.admin, values("Ada@contoso.com", "Ada again"))
                .value();

        User deleted = contoso.allot.users().find(contoso.tenant, old.id()).orElseThrow();
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.userPrincipalName())
                .isEqualTo(old.id().value().toString().replace("-", "") + "ada@contoso.com");
        assertThat(users.restore(contoso.admin, old.id()).rejection().message())
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
        users.delete(contoso.admin, ada.id()).value();
        users.purge(contoso.admin, ada.id()).value();
        assertThat(users.restore(contoso.admin, old.id()).value().userPrincipalName())
                .as("its name back once nobody has it")
                .isEqualTo("ada@contoso.com");
    }

    @Test
    void aRenameTakesTheNameOfADeletedUserButNotOfAnActiveOne() {
        User old = users.create(contoso.admin, values("ada@contoso.com", "Ada")).value();
        User grace = users.create(contoso.admin, values("grace@contoso.com", "Grace"))
                .value();
        User alan =
                users.create(contoso.admin, values("alan@contoso.com", "Alan")).value();

        assertThat(users.update(
                                contoso.admin,
                                alan.id(),
                                Map.of(UserAttribute.USER_PRINCIPAL_NAME, "grace@contoso.com"))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.ALREADY_EXISTS);
        users.delete(contoso.admin, old.id()).value();
        assertThat(users.update(contoso.admin, alan.id(), Map.of(UserAttribute.USER_PRINCIPAL_NAME, "ada@contoso.com"))
                        .value()
                        .userPrincipalName())
                .isEqualTo("ada@contoso.com");
        assertThat(contoso.allot
                        .users()
                        .find(contoso.tenant, old.id())
                        .orElseThrow()
                        .userPrincipalName())
                .endsWith("ada@contoso.com")
                .startsWith(old.id().value().toString().replace("-", ""));
        assertThat(contoso.allot
                        .users()
                        .find(contoso.tenant, grace.id())
                        .orElseThrow()
                        .userPrincipalName())
                .isEqualTo("grace@contoso.com");
    }

    @Test
    void anImmutableIdSetForAHardMatchIsTheTenantsOnly() {
        Map<UserAttribute, Object> ada = values("ada@contoso.com", "Ada");
        ada.put(UserAttribute.ON_PREMISES_IMMUTABLE_ID, "ByPfzdWYz1qUYc4ttCTbvA==");
        User created = users.create(contoso.admin, ada).value();
        assertThat(created.onPremisesImmutableId()).isEqualTo("ByPfzdWYz1qUYc4ttCTbvA==");
        assertThat(created.onPremisesSyncEnabled()).isFalse();
        User grace = users.create(contoso.admin, values("grace@contoso.com", "Grace"))
                .value();

        Rejection refused = users.update(
                        contoso.admin,
                        grace.id(),
                        Map.of(UserAttribute.ON_PREMISES_IMMUTABLE_ID, "ByPfzdWYz1qUYc4ttCTbvA=="))
                .rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(refused.message())
                .isEqualTo("Another object with the same value for property onPremisesImmutableId already exists.");
    }

    @Test
    void principalNamesMustUseAVerifiedDomain() {
        Rejection refused =
                users.create(contoso.admin, values("ada@fabrikam.com", "Ada")).rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.message()).contains("verified domain").contains("contoso.com");
    }

    @Test
    void malformedValuesAreRefusedWithTheirPropertyNamed() {
        assertThat(users.create(contoso.admin, values("not-an-address", "x"))
                        .rejection()
                        .message())
                .isEqualTo("Property userPrincipalName is invalid.");
        assertThat(users.create(contoso.admin, values("x'; DROP TABLE users;--@contoso.com", "x"))
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        Map<UserAttribute, Object> v = values("ok@contoso.com", "Ok");
        v.put(UserAttribute.USAGE_LOCATION, "XX");
        assertThat(users.create(contoso.admin, v).rejection().message())
                .isEqualTo("Invalid value specified for property 'usageLocation' of resource 'User'.");
        v.put(UserAttribute.USAGE_LOCATION, "US");
        v.put(UserAttribute.EMPLOYEE_ID, "x".repeat(17));
        assertThat(users.create(contoso.admin, v).rejection().message()).contains("employeeId");
        v.remove(UserAttribute.EMPLOYEE_ID);
        v.put(UserAttribute.ACCOUNT_ENABLED, "yes");
        assertThat(users.create(contoso.admin, v).rejection().message()).contains("accountEnabled");
        assertThat(contoso.allot.users().findByPrincipalName(contoso.tenant, "ok@contoso.com"))
                .isEmpty();
    }

    @Test
    void requiredPropertiesAreNamed() {
        Map<UserAttribute, Object> v = new LinkedHashMap<>();
        v.put(UserAttribute.USER_PRINCIPAL_NAME, "x@contoso.com");

        assertThat(users.create(contoso.admin, v).rejection().message()).contains("displayName");
    }

    @Test
    void syncedUsersTakeOnlyCloudManagedAttributes() {
        User synced = User.builder(
                        UserId.random(),
                        "synced@contoso.com",
                        contoso.allot.clock().instant())
                .displayName("Synced")
                .onPremises("AAAAAAAAAAAAAAAAAAAAAA==", "synced")
                .build();
        contoso.allot.users().add(contoso.tenant, synced);

        Rejection refused =
                contoso.update(synced.id(), UserAttribute.DEPARTMENT, "Sales").rejection();
        assertThat(refused.code()).isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);
        assertThat(refused.message()).contains("on-premises mastered");

        User updated =
                contoso.update(synced.id(), UserAttribute.USAGE_LOCATION, "se").value();
        assertThat(updated.usageLocation()).isEqualTo(UsageLocation.of("SE"));
    }

    @Test
    void deletedUsersCannotBeUpdated() {
        User ada = users.create(contoso.admin, values("ada@contoso.com", "Ada")).value();
        users.delete(contoso.admin, ada.id()).value();

        assertThat(contoso.update(ada.id(), UserAttribute.DEPARTMENT, "x")
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    private static Map<UserAttribute, Object> values(String upn, String displayName) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, upn);
        values.put(UserAttribute.DISPLAY_NAME, displayName);
        return values;
    }
}
