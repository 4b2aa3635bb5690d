package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Scope;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Concurrent creations of one tenant's users are written together ({@link CloudUsers}); each must be answered as it
 * would be alone. Runs on the in-memory ports and, through {@code RulesOnPostgresIT}, on PostgreSQL, where the batch is
 * one statement.
 */
class UsersCreatedTogetherTest {
    private final Scenario contoso = Scenario.contoso();
    private final UserDirectory users = contoso.allot.userDirectory();

    @Test
    void eachCreationOfABatchIsAnsweredAsItWouldBeAloneAndOnlyTheCreatedAreRecorded() {
        users.create(contoso.admin, values("taken@contoso.com", "Taken")).value();
        User gone =
                users.create(contoso.admin, values("gone@contoso.com", "Gone")).value();
        users.delete(contoso.admin, gone.id()).value();
        Caller northDesk = Caller.of(contoso.tenant, Actor.app("north", "North desk"))
                .within(Scope.units(Set.of(UUID.randomUUID())));
        Map<UserAttribute, Object> nameless = Map.of(UserAttribute.USER_PRINCIPAL_NAME, "nameless@contoso.com");

        List<Outcome<User>> answers = users.createTogether(List.of(
                new CloudUsers.Creation(contoso.admin, values("ada@contoso.com", "Ada")),
                new CloudUsers.Creation(contoso.admin, values("grace@fabrikam.com", "Grace")),
                new CloudUsers.Creation(contoso.admin, nameless),
                new CloudUsers.Creation(northDesk, values("alan@contoso.com", "Alan")),
                new CloudUsers.Creation(contoso.admin, values("ADA@contoso.com", "Ada twice")),
                new CloudUsers.Creation(contoso.admin, values("Taken@contoso.com", "Taken twice")),
                new CloudUsers.Creation(contoso.admin, values("gone@contoso.com", "Gone again")),
                new CloudUsers.Creation(contoso.admin, values("grace@contoso.com", "Grace"))));

        User ada = answers.get(0).value();
        User grace = answers.get(7).value();
        assertThat(contoso.allot.users().find(contoso.tenant, ada.id()).map(User::displayName))
                .contains("Ada");
        assertThat(contoso.allot.users().find(contoso.tenant, grace.id()).map(User::userPrincipalName))
                .contains("grace@contoso.com");
        assertThat(answers.get(1).rejection())
                .isEqualTo(users.create(contoso.admin, values("grace@fabrikam.com", "Grace"))
                        .rejection());
        assertThat(answers.get(2).rejection())
                .isEqualTo(users.create(contoso.admin, nameless).rejection());
        assertThat(answers.get(3).rejection())
                .isEqualTo(users.create(northDesk, values("alan@contoso.com", "Alan"))
                        .rejection());
        assertThat(answers.subList(4, 7))
                .as("names taken when written: decided again alone")
                .containsOnlyNulls();
        assertThat(contoso.allot.users().findByPrincipalName(contoso.tenant, "alan@contoso.com"))
                .isEmpty();
        assertThat(contoso.audit(Activity.ADD_USER).stream()
                        .map(AuditEvent::target)
                        .map(t -> t.displayName())
                        .toList())
                .containsExactlyInAnyOrder(
                        "taken@contoso.com", "gone@contoso.com", "ada@contoso.com", "grace@contoso.com");
    }

    @Test
    void whatABatchLeftUndecidedIsDecidedAloneAsAnyCreation() {
        User gone =
                users.create(contoso.admin, values("gone@contoso.com", "Gone")).value();
        users.delete(contoso.admin, gone.id()).value();
        List<Outcome<User>> answers = users.createTogether(List.of(
                new CloudUsers.Creation(contoso.admin, values("ada@contoso.com", "Ada")),
                new CloudUsers.Creation(contoso.admin, values("gone@contoso.com", "Gone again"))));
        assertThat(answers.get(1)).isNull();

        User again = users.create(contoso.admin, values("gone@contoso.com", "Gone again"))
                .value();

        assertThat(again.userPrincipalName()).isEqualTo("gone@contoso.com");
        assertThat(users.create(contoso.admin, values("ADA@contoso.com", "Ada twice"))
                        .rejection()
                        .message())
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
    }

    private static Map<UserAttribute, Object> values(String upn, String displayName) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, upn);
        values.put(UserAttribute.DISPLAY_NAME, displayName);
        return values;
    }
}
