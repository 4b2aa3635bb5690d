package org.allot.server.testing;

import java.util.Map;

/**
 * How each table would be laid out in a Citus cluster (docs/scale-out.md, "Sharding with Citus"): every table is
 * distributed by {@code tenant_id} and co-located with the others, but for the few listed here. The schema test
 * ({@code TenantKeysIT}) and the statements' test ({@code TenantStatementsIT}) hold the schema and the SQL to it.
 */
public final class DistributionPlan {
    /** The tenants themselves: distributed by their own id, which is every other table's {@code tenant_id}. */
    public static final String TENANT_ROOT = "tenant";

    /** Tables that belong to no tenant, and why (each a reference table, or keyed by its own column). */
    public static final Map<String, String> GLOBAL_TABLES = Map.ofEntries(
            Map.entry("signing_key", "the token-signing keys, one set for the installation (reference table)"),
            Map.entry("secrets_key_check", "the master key's check value, one row (reference table)"),
            Map.entry(
                    "sign_in_failure",
                    "the sign-in throttle, keyed by a hash of the account name or address before any tenant is known"
                            + " (distributed by key_hash, not co-located)"),
            Map.entry(
                    "client_assertion",
                    "client assertions' JWT ids, keyed by the client id a token request names before any tenant is"
                            + " known (distributed by app_id, not co-located)"),
            // the stateless nodes' tables (V66): an admin center session is found by its cookie before its tenant is
            Map.entry("spring_session", "admin center sessions, by session id (a local table of the coordinator)"),
            Map.entry("spring_session_attributes", "their attributes (a local table of the coordinator)"),
            Map.entry("scheduled_step", "whose turn each periodic step is, across tenants (reference table)"));

    /**
     * Unique indexes of tenant tables that hold across tenants: the tenant-less look-ups of the decision. In
     * Citus each becomes a routing table (the key and its tenant, distributed by the key) that the look-up reads
     * first.
     */
    public static final Map<String, String> GLOBAL_UNIQUE_INDEXES = Map.of(
            "admin_account_username", "sign-in by account name: an account name is unique across tenants",
            "app_registration_client_id", "a token by client id: a client id is unique across tenants");

    private DistributionPlan() {}
}
