package org.allot.server.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ReadOnlyModifyDNRequest;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a domain controller does that the UnboundID in-memory server does not, done by an interceptor so that the
 * sync's LDAP client talks to the server exactly as to Active Directory:
 *
 * <ul>
 *   <li>every add, modify and rename raises the update sequence number and stamps it in {@code uSNChanged}; the
 *       root DSE tells {@code highestCommittedUSN} and the domain controller's {@code dsServiceName};
 *   <li>range retrieval: a {@code member} attribute of more than {@code MaxValRange} values (1,500 by default) comes
 *       back as {@code member;range=0-1499}, and a request for {@code member;range=1500-*} returns the next slice,
 *       the last one named with {@code *};
 *   <li>deleted objects: deleting a user or a group leaves its tombstone in {@code CN=Deleted Objects} (renamed
 *       {@code CN=<name>\0ADEL:<objectGUID>}, {@code isDeleted=TRUE}, {@code lastKnownParent}, its objectGUID and,
 *       as with the recycle bin, its other attributes but its links kept; a new {@code uSNChanged}), which searches
 *       return only with the Show Deleted control (1.2.840.113556.1.4.417); the root DSE tells
 *       {@code defaultNamingContext};
 *   <li>{@code memberOf}: an entry read with it asked for carries the groups whose {@code member} names it, as
 *       Active Directory keeps them, and the root DSE's {@code supportedCapabilities} says it is Active Directory;
 *   <li>a fault switch that shuts the server down during a chosen search, as a domain controller going away.
 * </ul>
 *
 * <p>It also keeps the filters of the searches it served, so that tests can tell what a run asked.
 */
final class ActiveDirectoryEmulation extends InMemoryOperationInterceptor {
    static final String DS_SERVICE_NAME =
            "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=com";
    private static final Pattern RANGE = Pattern.compile("(?i)^member;range=(\\d+)-(\\d+|\\*)$");
    private static final String WANTED_RANGE = "range";
    private static final String SHOW_DELETED = "showDeleted";
    private static final String MEMBER_OF = "memberOf";
    static final String NAMING_CONTEXT = "DC=contoso,DC=com";
    static final String DELETED_OBJECTS = "CN=Deleted Objects," + NAMING_CONTEXT;

    private final List<String> searches = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final AtomicLong usn;
    private volatile Predicate<ReadOnlySearchRequest> failOn = request -> false;
    private volatile int maxValRange = 1500;
    private volatile InMemoryDirectoryServer server;
    private volatile Thread shutdown;

    ActiveDirectoryEmulation(long highestUsn) {
        this.usn = new AtomicLong(highestUsn);
    }

    void attach(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** Active Directory's MaxValRange LDAP policy: how many values of an attribute one response holds. */
    void maxValRange(int values) {
        this.maxValRange = values;
    }

    /** The server goes down during the first search that matches. */
    void goDownOn(Predicate<ReadOnlySearchRequest> search) {
        failOn = search;
    }

    /** Waits until a shutdown the fault switch started is complete. */
    void awaitShutdown() throws InterruptedException {
        Thread running = shutdown;
        if (running != null) {
            running.join();
        }
        shutdown = null;
    }

    /** The searches served so far, in order: "base " or "subtree " and the filter. */
    List<String> searches() {
        return List.copyOf(searches);
    }

    long highestCommittedUsn() {
        return usn.get();
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        AddRequest add = request.getRequest().duplicate();
        Attribute classes = add.getAttribute("objectClass");
        if (classes == null || !(classes.hasValue("user") || classes.hasValue("group"))) {
            return;
        }
        long next = usn.incrementAndGet();
        add.replaceAttribute("uSNCreated", Long.toString(next));
        add.replaceAttribute("uSNChanged", Long.toString(next));
        request.setRequest(add);
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        ModifyRequest modify = request.getRequest().duplicate();
        Entry target = server.getEntry(modify.getDN());
        if (target == null || !(target.hasObjectClass("user") || target.hasObjectClass("group"))) {
            return;
        }
        List<Modification> modifications = new ArrayList<>(modify.getModifications());
        modifications.add(
                new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn.incrementAndGet())));
        request.setRequest(new ModifyRequest(modify.getDN(), modifications, modify.getControls()));
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
        Entry target = server.getEntry(request.getRequest().getDN());
        if (target == null
                || !(target.hasObjectClass("user") || target.hasObjectClass("group"))
                || target.hasAttributeValue("isDeleted", "TRUE")) {
            return;
        }
        byte[] guid = target.getAttributeValueBytes("objectGUID");
        String name = target.getAttributeValue("cn") + "\nDEL:" + (guid == null ? "" : StaticUtils.toHex(guid));
        Entry tombstone = target.duplicate();
        tombstone.setDN(new DN(new RDN("CN", name), new DN(DELETED_OBJECTS)));
        tombstone.setAttribute("cn", name);
        tombstone.removeAttribute("member");
        tombstone.setAttribute("isDeleted", "TRUE");
        tombstone.setAttribute("lastKnownParent", target.getParentDNString());
        tombstone.setAttribute("uSNChanged", Long.toString(usn.incrementAndGet()));
        server.add(tombstone);
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) {
        // the new uSNChanged is stamped once the rename is done
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
        if (!ResultCode.SUCCESS.equals(result.getResult().getResultCode())) {
            return;
        }
        ReadOnlyModifyDNRequest rename = result.getRequest();
        try {
            DN old = new DN(rename.getDN());
            String parent = rename.getNewSuperiorDN() != null ? rename.getNewSuperiorDN() : old.getParentString();
            String renamed = rename.getNewRDN() + "," + parent;
            server.modify(
                    renamed,
                    new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn.incrementAndGet())));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        if (failOn.test(request.getRequest())) {
            failOn = any -> false;
            InMemoryDirectoryServer stopping = server;
            shutdown = new Thread(() -> stopping.shutDown(true), "domain controller going away");
            shutdown.start();
            throw new LDAPException(ResultCode.UNAVAILABLE, "The domain controller is shutting down.");
        }
        SearchRequest search = request.getRequest().duplicate();
        searches.add((SearchScope.BASE.equals(search.getScope()) ? "base " : "subtree ") + search.getFilter());
        if (search.hasControl(DeletedObjects.SHOW_DELETED)) {
            request.setProperty(SHOW_DELETED, true);
            search.setControls(Arrays.stream(search.getControls())
                    .filter(c -> !c.getOID().equals(DeletedObjects.SHOW_DELETED))
                    .toArray(Control[]::new));
        }
        List<String> attributes = new ArrayList<>(Arrays.asList(search.getAttributes()));
        if (attributes.stream().anyMatch(MEMBER_OF::equalsIgnoreCase)) {
            request.setProperty(MEMBER_OF, true);
        }
        for (int i = 0; i < attributes.size(); i++) {
            Matcher range = RANGE.matcher(attributes.get(i));
            if (range.matches()) {
                request.setProperty(WANTED_RANGE, Long.parseLong(range.group(1)));
                attributes.set(i, "member");
            }
        }
        search.setAttributes(attributes);
        request.setRequest(search);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        SearchResultEntry entry = result.getSearchEntry();
        if (entry.getDN().isEmpty()) {
            Entry root = entry.duplicate();
            root.setAttribute("highestCommittedUSN", Long.toString(usn.get()));
            root.setAttribute("dsServiceName", DS_SERVICE_NAME);
            root.setAttribute("defaultNamingContext", NAMING_CONTEXT);
            root.setAttribute("supportedCapabilities", "1.2.840.113556.1.4.800");
            result.setSearchEntry(root);
            return;
        }
        if (entry.hasAttributeValue("isDeleted", "TRUE") && result.getProperty(SHOW_DELETED) == null) {
            result.setSearchEntry(null);
            return;
        }
        if (result.getProperty(MEMBER_OF) != null) {
            entry = withMemberOf(entry);
            result.setSearchEntry(entry);
        }
        Long wanted = (Long) result.getProperty(WANTED_RANGE);
        Attribute members = entry.getAttribute("member");
        if (members == null || (wanted == null && members.size() <= maxValRange)) {
            return;
        }
        String[] values = members.getValues();
        int from = wanted == null ? 0 : (int) Math.min(wanted, values.length);
        int to = Math.min(values.length, from + maxValRange);
        String name = "member;range=" + from + "-" + (to == values.length ? "*" : Integer.toString(to - 1));
        Entry sliced = entry.duplicate();
        sliced.removeAttribute("member");
        sliced.addAttribute(new Attribute(name, Arrays.copyOfRange(values, from, to)));
        result.setSearchEntry(sliced);
    }

    /** The entry with the groups that list it in {@code memberOf} (none: no such attribute), as Active Directory. */
    private SearchResultEntry withMemberOf(SearchResultEntry entry) {
        try {
            List<String> groups = new ArrayList<>();
            for (SearchResultEntry group : server.search(
                            NAMING_CONTEXT,
                            SearchScope.SUB,
                            Filter.createEqualityFilter("member", entry.getDN()),
                            "1.1")
                    .getSearchEntries()) {
                groups.add(group.getDN());
            }
            Entry linked = entry.duplicate();
            linked.removeAttribute(MEMBER_OF);
            if (!groups.isEmpty()) {
                linked.addAttribute(MEMBER_OF, groups.toArray(String[]::new));
            }
            return new SearchResultEntry(linked, entry.getControls());
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
