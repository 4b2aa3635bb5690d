package org.allot.core.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.allot.core.Rejection;
import org.allot.core.sync.ConnectionCheck;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.ConnectorSettings;
import org.allot.core.sync.DirectoryEntry;
import org.allot.core.sync.DirectoryFailure;
import org.allot.core.sync.DirectorySession;
import org.allot.core.sync.DirectorySource;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.ScopeItem;
import org.allot.core.sync.Watermark;

/**
 * An Active-Directory-shaped directory held in memory, for the core's sync tests: users and groups with an
 * objectGUID, update sequence numbers that every change raises, and a switch that takes the server down after a
 * number of reads. (The server's tests run the real LDAP adapter against an LDAP server.)
 */
public final class InMemoryDirectory implements DirectorySource {
    public static final String STAFF = "OU=Staff,DC=contoso,DC=com";

    private record Entry(ObjectKind kind, String dn, Map<String, String> attributes, List<String> members, long usn) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long usn = 1000;
    private int readsBeforeFailure = -1;
    private int memberSearches;
    private volatile int pageSize = 2;

    /** Adds a user {@code name@contoso.com}; returns its DN. Extra attributes by LDAP name. */
    public synchronized String addUser(String name, String... attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("userPrincipalName", name + "@contoso.com");
        values.put("displayName", name);
        values.put("sAMAccountName", name);
        values.put("userAccountControl", "512");
        values.put("objectGUID", guidOf(name));
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            values.put(attributes[i], attributes[i + 1]);
        }
        String dn = "CN=" + name + "," + STAFF;
        entries.put(key(dn), new Entry(ObjectKind.USER, dn, values, List.of(), ++usn));
        return dn;
    }

    public synchronized String addGroup(String name, String... memberDns) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cn", name);
        values.put("sAMAccountName", name.replace(" ", ""));
        values.put("groupType", "-2147483646");
        values.put("objectGUID", guidOf("group:" + name));
        String dn = "CN=" + name + ",OU=Groups,DC=contoso,DC=com";
        entries.put(key(dn), new Entry(ObjectKind.GROUP, dn, values, List.of(memberDns), ++usn));
        return dn;
    }

    public synchronized void modify(String dn, String attribute, String value) {
        Entry e = entries.get(key(dn));
        Map<String, String> values = new LinkedHashMap<>(e.attributes());
        if (value == null) {
            values.remove(attribute);
        } else {
            values.put(attribute, value);
        }
        entries.put(key(dn), new Entry(e.kind(), e.dn(), values, e.members(), ++usn));
    }

    public synchronized void setMembers(String groupDn, String... memberDns) {
        Entry e = entries.get(key(groupDn));
        entries.put(key(groupDn), new Entry(e.kind(), e.dn(), e.attributes(), List.of(memberDns), ++usn));
    }

    /** Reads hand over pages of this many entries (2 unless set). */
    public synchronized void pageSize(int entries) {
        pageSize = entries;
    }

    public synchronized void delete(String dn) {
        entries.remove(key(dn));
        usn++;
    }

    /** The object's immutable id as Allot writes it. */
    public synchronized String immutableIdOf(String dn) {
        return entries.get(key(dn)).attributes().get("objectGUID");
    }

    /** The server answers this many more reads, then goes down. */
    public synchronized void failAfter(int reads) {
        readsBeforeFailure = reads;
    }

    /** How many searches for the groups that list given members the sessions made. */
    public synchronized int memberSearches() {
        return memberSearches;
    }

    public synchronized void comeBack() {
        readsBeforeFailure = -1;
    }

    @Override
    public Optional<Rejection> validate(ConnectorSettings settings) {
        return Optional.empty();
    }

    @Override
    public ConnectionReport test(ConnectorSettings settings, String password) {
        return new ConnectionReport(
                List.of(ConnectionCheck.passed(ConnectionCheck.Step.BIND, "bound as " + settings.bindDn())));
    }

    @Override
    public DirectorySession open(ConnectorSettings settings, String password) {
        tick();
        return new Session();
    }

    private synchronized void tick() {
        if (readsBeforeFailure == 0) {
            throw new DirectoryFailure("The directory server went away: connection reset.");
        }
        if (readsBeforeFailure > 0) {
            readsBeforeFailure--;
        }
    }

    private synchronized List<Entry> entries(ObjectKind kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).toList();
    }

    private final class Session implements DirectorySession {
        @Override
        public Optional<Watermark> marker() {
            synchronized (InMemoryDirectory.this) {
                return Optional.of(Watermark.usn(usn, "CN=NTDS Settings,CN=DC1"));
            }
        }

        @Override
        public void census(ObjectKind kind, Consumer<ScopeItem> item) {
            tick();
            entries(kind)
                    .forEach(e -> item.accept(
                            new ScopeItem(kind, key(e.dn()), e.attributes().get("objectGUID"), null)));
        }

        @Override
        public void censusOf(Collection<String> keys, Consumer<ScopeItem> item) {
            tick();
            for (String k : keys) {
                Entry e;
                synchronized (InMemoryDirectory.this) {
                    e = entries.get(key(k));
                }
                if (e != null) {
                    item.accept(
                            new ScopeItem(e.kind(), key(e.dn()), e.attributes().get("objectGUID"), null));
                }
            }
        }

        @Override
        public void read(ObjectKind kind, Watermark since, Consumer<List<DirectoryEntry>> page) {
            List<Entry> all = entries(kind).stream()
                    .filter(e -> since == null || e.usn() >= since.usn())
                    .toList();
            int size = pageSize;
            for (int i = 0; i < all.size(); i += size) {
                tick();
                page.accept(all.subList(i, Math.min(all.size(), i + size)).stream()
                        .map(InMemoryDirectory::entry)
                        .toList());
            }
        }

        @Override
        public List<DirectoryEntry> readByIds(ObjectKind kind, Collection<String> immutableIds) {
            tick();
            Set<String> wanted = new HashSet<>(immutableIds);
            return entries(kind).stream()
                    .filter(e -> wanted.contains(e.attributes().get("objectGUID")))
                    .map(InMemoryDirectory::entry)
                    .toList();
        }

        @Override
        public List<DirectoryEntry> groupsWithMembers(Collection<String> memberDns) {
            tick();
            synchronized (InMemoryDirectory.this) {
                memberSearches++;
            }
            return entries(ObjectKind.GROUP).stream()
                    .filter(e -> e.members().stream()
                            .anyMatch(m -> memberDns.stream().anyMatch(dn -> key(dn).equals(key(m)))))
                    .map(InMemoryDirectory::entry)
                    .toList();
        }

        @Override
        public void close() {}
    }

    private static DirectoryEntry entry(Entry e) {
        Map<String, List<byte[]>> attributes = new LinkedHashMap<>();
        e.attributes()
                .forEach((name, value) -> attributes.put(
                        name,
                        List.of(
                                name.equals("objectGUID")
                                        ? Base64.getDecoder().decode(value)
                                        : (name.equals("manager") ? key(value) : value)
                                                .getBytes(StandardCharsets.UTF_8))));
        List<String> members = new ArrayList<>();
        e.members().forEach(m -> members.add(key(m)));
        return new DirectoryEntry(e.dn(), key(e.dn()), attributes, members);
    }

    static String key(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }

    /** A GUID made from the name, base64 as Allot writes objectGUIDs. */
    public static String guidOf(String name) {
        UUID uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
