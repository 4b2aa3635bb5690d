package org.allot.bench.scenario;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;

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

    /**
     * CPU time the directory server has used so far (user and system), in seconds; NaN where it runs inside the
     * harness's own JVM and cannot be told apart.
     */
    default double cpuSeconds() {
        return Double.NaN;
    }

    /** A connection that may read every entry and its operational attributes (the harness's own reads). */
    LDAPConnection reader() throws LDAPException;

    /** Reads every user and group with paged searches of this size, as a sync client would; returns the entries. */
    default long readAll(int pageSize) throws LDAPException {
        return read("(objectClass=inetOrgPerson)", pageSize, "*", "+")
                + read("(objectClass=groupOfNames)", pageSize, "*", "+");
    }

    /** Lists the entryUUID of every user and group (what a census reads), with paged searches of this size. */
    default long listIds(int pageSize) throws LDAPException {
        return read("(objectClass=inetOrgPerson)", pageSize, "entryUUID")
                + read("(objectClass=groupOfNames)", pageSize, "entryUUID");
    }

    /** Reads the users and groups changed since a moment, as a delta sync by modifyTimestamp would. */
    @SuppressWarnings("JavaUtilDate")
    default long readChanged(java.util.Date since, int pageSize) throws LDAPException {
        String t = StaticUtils.encodeGeneralizedTime(since);
        return read("(&(objectClass=inetOrgPerson)(modifyTimestamp>=" + t + "))", pageSize, "*", "+")
                + read("(&(objectClass=groupOfNames)(modifyTimestamp>=" + t + "))", pageSize, "*", "+");
    }

    /** The entries under {@link BenchDirectory#BASE} matching the filter, read in pages of this size; their count. */
    private long read(String filter, int pageSize, String... attributes) throws LDAPException {
        long entries = 0;
        try (LDAPConnection c = reader()) {
            ASN1OctetString cookie = null;
            do {
                SearchRequest search = new SearchRequest(BenchDirectory.BASE, SearchScope.SUB, filter, attributes);
                search.setControls(new SimplePagedResultsControl(pageSize, cookie));
                SearchResult result = c.search(search);
                entries += result.getEntryCount();
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
            } while (cookie != null);
        }
        return entries;
    }

    @Override
    void close();
}
