package org.allot.server.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.core.sync.AttributeMapping;
import org.allot.core.sync.DirectoryEntry;
import org.allot.core.sync.EntryMapper;
import org.allot.core.sync.ObjectKind;

/**
 * Active Directory's changes since a watermark wherever they are in the domain, deletions included: a search of the
 * whole naming context by {@code uSNChanged} with the Show Deleted control (OID 1.2.840.113556.1.4.417), which
 * returns the tombstones of the Deleted Objects container ({@code isDeleted=TRUE}, their objectGUID kept) along with
 * the objects moved or changed out of the connector's scope. A delta run that did not read such an object in scope
 * knows it left, without listing the whole scope.
 */
final class DeletedObjects {
    /** LDAP_SERVER_SHOW_DELETED_OID. */
    static final String SHOW_DELETED = "1.2.840.113556.1.4.417";

    private DeletedObjects() {}

    /**
     * The immutable ids of the users and groups under {@code namingContext} whose {@code uSNChanged} lies between
     * {@code since} and {@code upTo}, deleted ones included.
     */
    static Set<String> changed(
            LDAPConnection connection,
            AttributeMapping mapping,
            String namingContext,
            long since,
            long upTo,
            int pageSize) {
        EntryMapper mapper = new EntryMapper(mapping);
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add("objectClass");
        for (ObjectKind kind : ObjectKind.values()) {
            attributes.addAll(mapping.idAttributes(kind));
        }
        Filter filter = Filter.createANDFilter(
                Filter.createORFilter(
                        Filter.createEqualityFilter("objectClass", "user"),
                        Filter.createEqualityFilter("objectClass", "group")),
                Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(since)),
                Filter.createLessOrEqualFilter("uSNChanged", Long.toString(upTo)));
        Set<String> ids = new HashSet<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest request =
                    new SearchRequest(namingContext, SearchScope.SUB, filter, attributes.toArray(String[]::new));
            request.setControls(new Control(SHOW_DELETED, true), new SimplePagedResultsControl(pageSize, cookie, true));
            try {
                SearchResult result = connection.search(request);
                for (SearchResultEntry e : result.getSearchEntries()) {
                    ObjectKind kind = e.hasObjectClass("group") ? ObjectKind.GROUP : ObjectKind.USER;
                    DirectoryEntry entry = new DirectoryEntry(
                            e.getDN(), LdapSession.key(e.getDN()), LdapSession.attributes(e), List.of(), List.of());
                    mapper.immutableId(kind, entry).ifPresent(ids::add);
                }
                SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
                cookie = paging == null ? null : paging.getCookie();
            } catch (LDAPException e) {
                throw LdapSession.failure(e);
            }
        } while (cookie != null && cookie.getValueLength() > 0);
        return ids;
    }
}
