package org.allot.bench.scenario;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.unboundidds.controls.IgnoreNoUserModificationRequestControl;
import com.unboundid.util.StaticUtils;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A generic LDAP directory (inetOrgPerson users, groupOfNames groups) generated from a seed: the UnboundID in-memory
 * server on a free port of 127.0.0.1. User i is a member of group {@code i % groups}.
 *
 * <p>The harness writes {@code entryUUID} and {@code modifyTimestamp} itself (an import, as of a directory that has
 * been there for a day; then the time of each change), because a delta sync reads what changed in the ten minutes
 * before the last change it saw, against clock skew: with timestamps of a directory built a minute ago, every
 * "delta" would read everything. The in-memory server only lets operational attributes be written when an entry is
 * added, so a change replaces its entry, with the same entryUUID.
 */
@SuppressWarnings("JavaUtilDate") // UnboundID encodes and compares generalized time as java.util.Date
final class BenchDirectory implements SyncDirectory {
    static final String BASE = "dc=bench,dc=example";
    static final String PEOPLE = "ou=people," + BASE;
    static final String GROUPS = "ou=groups," + BASE;

    private final InMemoryDirectoryServer server;
    private final int users;
    private final int groups;
    private final Random random;

    BenchDirectory(int users, int groups, String domain, long seed) {
        if (users < groups) {
            throw new IllegalArgumentException("every group needs a member: at least as many users as groups");
        }
        this.users = users;
        this.groups = groups;
        this.random = new Random(seed);
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            config.setMaxSizeLimit(0);
            config.setGenerateOperationalAttributes(false);
            server = new InMemoryDirectoryServer(config);
            for (Entry e : generate(users, groups, domain, random)) {
                add(e);
            }
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The directory's entries, parents first: user i a member of group {@code i % groups}; users and groups with an
     * {@code entryUUID} from {@code random} and timestamps of a day ago.
     */
    static List<Entry> generate(int users, int groups, String domain, Random random) {
        List<Entry> entries = new ArrayList<>(users + groups + 3);
        entries.add(new Entry(
                BASE,
                new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "domain"),
                new com.unboundid.ldap.sdk.Attribute("dc", "bench")));
        entries.add(ou("people"));
        entries.add(ou("groups"));
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < users; i++) {
            String uid = "u" + i;
            Entry user = new Entry("uid=" + uid + "," + PEOPLE);
            user.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
            user.addAttribute("uid", uid);
            user.addAttribute("cn", "User " + i);
            user.addAttribute("sn", "Number" + i);
            user.addAttribute("givenName", "User");
            user.addAttribute("displayName", "User " + i);
            user.addAttribute("mail", uid + "@" + domain);
            user.addAttribute("departmentNumber", DEPARTMENTS[i % DEPARTMENTS.length]);
            user.addAttribute("title", "Title " + random.nextInt(50));
            user.addAttribute("employeeNumber", Integer.toString(100_000 + i));
            entries.add(user);
            members.get(i % groups).add(user.getDN());
        }
        for (int g = 0; g < groups; g++) {
            Entry group = new Entry("cn=g" + g + "," + GROUPS);
            group.addAttribute("objectClass", "top", "groupOfNames");
            group.addAttribute("cn", "g" + g);
            group.addAttribute("description", "Group " + g);
            group.addAttribute("member", members.get(g).toArray(String[]::new));
            entries.add(group);
        }
        String dayAgo = StaticUtils.encodeGeneralizedTime(new Date(System.currentTimeMillis() - 86_400_000L));
        for (Entry e : entries) {
            if (e.hasObjectClass("inetOrgPerson") || e.hasObjectClass("groupOfNames")) {
                e.addAttribute("entryUUID", new UUID(random.nextLong(), random.nextLong()).toString());
                e.addAttribute("createTimestamp", dayAgo);
                e.addAttribute("modifyTimestamp", dayAgo);
            }
        }
        return entries;
    }

    private static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Support"};

    private static Entry ou(String name) {
        Entry e = new Entry("ou=" + name + "," + BASE);
        e.addAttribute("objectClass", "top", "organizationalUnit");
        e.addAttribute("ou", name);
        return e;
    }

    @Override
    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    @Override
    public String bindDn() {
        return null;
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public void change(int count, int round) throws LDAPException {
        int titles = count / 2;
        int adds = (count - titles) / 2;
        int removes = count - titles - adds;
        Set<Integer> changedUsers = new HashSet<>();
        while (changedUsers.size() < titles) {
            changedUsers.add(random.nextInt(users));
        }
        for (int i : changedUsers) {
            replace("uid=u" + i + "," + PEOPLE, e -> e.setAttribute("title", "Title r" + round + "-" + i));
        }
        for (int k = 0; k < adds; k++) {
            String group = "cn=g" + (k % groups) + "," + GROUPS;
            Entry current = server.getEntry(group);
            String member;
            do {
                member = "uid=u" + random.nextInt(users) + "," + PEOPLE;
            } while (current.hasAttributeValue("member", member));
            String joining = member;
            replace(group, e -> e.addAttribute("member", joining));
        }
        for (int k = 0; k < removes; k++) {
            String group = "cn=g" + (groups - 1 - (k % groups)) + "," + GROUPS;
            replace(group, e -> {
                String[] values = e.getAttributeValues("member");
                if (values.length > 1) {
                    e.removeAttributeValue("member", values[values.length - 1]);
                }
            });
        }
    }

    private void replace(String dn, Consumer<Entry> change) throws LDAPException {
        Entry e = server.getEntry(dn, "*", "+").duplicate();
        change.accept(e);
        e.setAttribute("modifyTimestamp", StaticUtils.encodeGeneralizedTime(new Date()));
        server.delete(dn);
        add(e);
    }

    private void add(Entry e) throws LDAPException {
        AddRequest add = new AddRequest(e);
        add.addControl(new IgnoreNoUserModificationRequestControl());
        server.add(add);
    }

    @Override
    public LDAPConnection reader() throws LDAPException {
        return server.getConnection();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
