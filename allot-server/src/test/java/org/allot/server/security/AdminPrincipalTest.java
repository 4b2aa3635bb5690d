package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.TenantId;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitId;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * The signed-in administrator is kept in the admin center's session, which every node reads from the database
 * (Spring Session JDBC serializes it): an administrator of administrative units must survive that trip with their
 * units and roles, or their sign-in fails.
 */
class AdminPrincipalTest {
    @Test
    void anAdministratorOfUnitsIsKeptInASharedSessionWithTheirUnits() throws IOException, ClassNotFoundException {
        TenantId tenant = new TenantId(UUID.randomUUID());
        UnitId north = new UnitId(UUID.randomUUID());
        ScopedRoleMember held = new ScopedRoleMember(
                UUID.randomUUID(),
                north,
                Role.LICENSE_ADMINISTRATOR.name(),
                Actor.user("north@contoso.com", "North"),
                Instant.parse("2026-12-06T00:00:00Z"));
        AdminPrincipal signedIn = new AdminPrincipal(
                tenant, "north@contoso.com", "North", "{bcrypt}hash", Role.GLOBAL_READER, List.of(held));

        AdminPrincipal read = (AdminPrincipal) roundTrip(signedIn);

        assertThat(read.roles()).containsExactly(Role.LICENSE_ADMINISTRATOR);
        assertThat(read.scoped()).isTrue();
        assertThat(read.scope()).isEqualTo(signedIn.scope());
        assertThat(read.roleName()).isEqualTo(signedIn.roleName());
        assertThat(read.capabilities()).isEqualTo(signedIn.capabilities());
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
