package org.allot.server.security.store;

import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/** Port: the admin center's accounts, with hashed passwords and one role each. Usernames match in any case. */
public interface StoredAdminAccounts {
    Optional<AdminAccount> find(String username);

    /** Whether the tenant has any account. */
    boolean any(TenantId tenant);

    void add(AdminAccount account);

    /** The accounts of a tenant, by username. */
    List<AdminAccount> of(TenantId tenant);

    boolean changeRole(TenantId tenant, String username, Role role);

    /** Replaces the hash of an account's password (the same password, hashed anew). */
    void replacePasswordHash(String username, String passwordHash);

    boolean remove(TenantId tenant, String username);
}
