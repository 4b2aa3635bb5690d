package org.allot.server.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import org.allot.core.Rejection;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectorySession;
import org.allot.core.sync.DirectorySource;

/** Active Directory and other LDAP directories, read with the UnboundID LDAP SDK. */
public final class LdapDirectorySource implements DirectorySource {
    private final LdapConnections connections;
    private final Duration connectTimeout;
    private final int pageSize;

    /**
     * @param pageSize entries per page of a paged search (Active Directory returns at most 1,000)
     */
    public LdapDirectorySource(Duration connectTimeout, Duration responseTimeout, int pageSize) {
        this.connections = new LdapConnections(connectTimeout, responseTimeout);
        this.connectTimeout = connectTimeout;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<Rejection> validate(ConnectorSettings settings) {
        for (String base : settings.baseDns()) {
            if (!DN.isValidDN(base)) {
                return Optional.of(Rejection.invalid(
                        "'%s' is not a distinguished name: write a base DN such as OU=Staff,DC=contoso,DC=com.", base));
            }
        }
        for (String excluded : settings.excludedDns()) {
            if (!DN.isValidDN(excluded)) {
                return Optional.of(Rejection.invalid(
                        "'%s' is not a distinguished name: write an excluded subtree such as"
                                + " OU=Disabled,OU=Staff,DC=contoso,DC=com.",
                        excluded));
            }
        }
        if (settings.bindDn() != null && settings.bindDn().contains("=") && !DN.isValidDN(settings.bindDn())) {
            return Optional.of(Rejection.invalid(
                    "bindDn '%s' is not a distinguished name (for Active Directory, user@domain also works).",
                    settings.bindDn()));
        }
        for (String filter : new String[] {settings.userFilter(), settings.groupFilter()}) {
            try {
                Filter.create(filter);
            } catch (LDAPException e) {
                // the SDK's message names the filter and the position of the fault; it has no diagnostic message
                return Optional.of(Rejection.invalid(
                        "%s Write an LDAP filter such as (objectClass=inetOrgPerson) or"
                                + " (&(objectClass=user)(department=Sales)).",
                        e.getMessage() == null ? "'" + filter + "' is not an LDAP filter." : e.getMessage()));
            }
        }
        if (settings.trustedCertificate() != null) {
            try {
                LdapConnections.trustManagers(settings.trustedCertificate());
            } catch (GeneralSecurityException e) {
                return Optional.of(
                        Rejection.invalid("trustedCertificate cannot be read as PEM certificates: %s", e.getMessage()));
            }
        }
        return Optional.empty();
    }

    @Override
    public ConnectionReport test(ConnectorSettings settings, String password) {
        return new ConnectionTest(connections, connectTimeout, pageSize).run(settings, password);
    }

    @Override
    public DirectorySession open(ConnectorSettings settings, String password) {
        LDAPConnection connection = connections.open(settings, password);
        try {
            return new LdapSession(connection, settings, pageSize);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
