package org.allot.bench.scenario;

import com.unboundid.ldap.sdk.LDAPException;

/**
 * The directory the sync scenario reads: generic LDAP (inetOrgPerson users, groupOfNames groups) under {@link
 * BenchDirectory#BASE}, user i a member of group {@code i % groups}, every entry a day old but for the changes.
 */
interface SyncDirectory extends AutoCloseable {
    String url();

    /** The account the connector binds as, or null for an anonymous bind. */
    String bindDn();

    String password();

    /**
     * {@code count} changes, each to a different entry: half change a user's title, a quarter add a user to another
     * group, a quarter remove a member from a group that keeps others.
     */
    void change(int count, int round) throws LDAPException;

    /** Reads every user and group with paged searches of this size, as a sync client would; returns the entries. */
    long readAll(int pageSize) throws LDAPException;

    /** Lists the entryUUID of every user and group (what a census reads), with paged searches of this size. */
    long listIds(int pageSize) throws LDAPException;

    /** Reads the users and groups changed since a moment, as a delta sync by modifyTimestamp would. */
    @SuppressWarnings("JavaUtilDate")
    long readChanged(java.util.Date since, int pageSize) throws LDAPException;

    @Override
    void close();
}
