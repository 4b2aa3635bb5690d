package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** Graph's forceDelete of a domain: its users move to the initial domain, all or nothing. */
class DomainForceDeletionTest {
    private final Scenario contoso = Scenario.contoso();
    private final TenantDomains domains = contoso.allot.tenantDomains();
    private final UserDirectory users = contoso.allot.userDirectory();

    @Test
    void usersOfTheDomainMoveToTheInitialDomainDisabledAndTheDomainGoes() {
        String initial = initialDomain();
        domains.add(contoso.admin, "corp.example.test").value();
        User ann = create("Ann@Corp.Example.Test", "ann@corp.example.test");
        User bob = create("bob@contoso.com", "bob@corp.example.test");
        User cy = create("cy@corp.example.test", null);
        users.delete(contoso.admin, cy.id()).value();

        domains.forceRemove(contoso.admin, "corp.example.test", true).value();

        assertThat(domains.find(contoso.tenant, "corp.example.test")).isEmpty();
        User movedAnn = find(ann);
        assertThat(movedAnn.userPrincipalName()).isEqualTo("Ann@" + initial);
        assertThat(movedAnn.mail()).isEqualTo("ann@" + initial);
        assertThat(movedAnn.accountEnabled()).isFalse();
        User movedBob = find(bob);
        assertThat(movedBob.userPrincipalName()).as("not on the domain").isEqualTo("bob@contoso.com");
        assertThat(movedBob.mail()).isEqualTo("bob@" + initial);
        assertThat(find(cy).userPrincipalName()).as("deleted users too").isEqualTo("cy@" + initial);
        assertThat(find(cy).isDeleted()).isTrue();
    }

    @Test
    void usersStayEnabledWhenAskedSo() {
        domains.add(contoso.admin, "corp.example.test").value();
        User ann = create("ann@corp.example.test", null);

        domains.forceRemove(contoso.admin, "corp.example.test", false).value();

        assertThat(find(ann).accountEnabled()).isTrue();
        assertThat(find(ann).userPrincipalName()).isEqualTo("ann@" + initialDomain());
    }

    @Test
    void aNameAnotherUserHasAlreadyChangesNothing() {
        String initial = initialDomain();
        domains.add(contoso.admin, "corp.example.test").value();
        User ann = create("ann@corp.example.test", null);
        User early = create("zed@corp.example.test", null);
        create("ann@" + initial, null);

        String refused = domains.forceRemove(contoso.admin, "corp.example.test", true)
                .rejection()
                .message();

        assertThat(refused).contains("ann@corp.example.test", "ann@" + initial);
        assertThat(find(ann).userPrincipalName()).isEqualTo("ann@corp.example.test");
        assertThat(find(early).userPrincipalName()).isEqualTo("zed@corp.example.test");
        assertThat(domains.find(contoso.tenant, "corp.example.test")).isPresent();
    }

    @Test
    void theInitialAndTheDefaultDomainsStay() {
        assertThat(domains.forceRemove(contoso.admin, initialDomain(), true).isDone())
                .isFalse();
        assertThat(domains.forceRemove(contoso.admin, "contoso.com", true).isDone())
                .isFalse();
        assertThat(domains.list(contoso.tenant)).hasSize(2);
    }

    private String initialDomain() {
        return domains.list(contoso.tenant).stream()
                .filter(Domain::isInitial)
                .map(Domain::name)
                .findFirst()
                .orElseThrow();
    }

    private User create(String principalName, String mail) {
        Map<UserAttribute, Object> values = new java.util.LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, principalName);
        values.put(UserAttribute.DISPLAY_NAME, principalName);
        if (mail != null) {
            values.put(UserAttribute.MAIL, mail);
        }
        return users.create(contoso.admin, values).value();
    }

    private User find(User user) {
        return contoso.allot.users().find(contoso.tenant, user.id()).orElseThrow();
    }
}
