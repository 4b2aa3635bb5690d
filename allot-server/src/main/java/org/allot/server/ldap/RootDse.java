package org.allot.server.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Optional;
import org.allot.core.sync.Watermark;

/**
 * What an Active Directory domain controller tells in its root DSE: the highest committed update sequence number and
 * which domain controller it belongs to (a delta's watermark), the domain's naming context, and its capabilities.
 *
 * @param marker the watermark a run started now would leave, when the server tells its update sequence number
 * @param namingContext the domain's naming context ({@code defaultNamingContext}), or null
 * @param capabilities the server's {@code supportedCapabilities}
 */
record RootDse(Optional<Watermark> marker, String namingContext, List<String> capabilities) {
    static final RootDse NOT_READ = new RootDse(Optional.empty(), null, List.of());

    static RootDse read(LDAPConnection connection) {
        SearchResultEntry root;
        try {
            root = connection.getEntry(
                    "", "highestCommittedUSN", "dsServiceName", "defaultNamingContext", "supportedCapabilities");
        } catch (LDAPException e) {
            throw LdapSession.failure(e);
        }
        if (root == null) {
            return NOT_READ;
        }
        Long usn = root.getAttributeValueAsLong("highestCommittedUSN");
        String server = root.getAttributeValue("dsServiceName");
        String[] capabilities = root.getAttributeValues("supportedCapabilities");
        return new RootDse(
                usn == null
                        ? Optional.empty()
                        : Optional.of(Watermark.usn(usn, server == null ? connection.getConnectedAddress() : server)),
                root.getAttributeValue("defaultNamingContext"),
                capabilities == null ? List.of() : List.of(capabilities));
    }
}
