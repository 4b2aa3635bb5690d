package org.allot.cli.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small LDAP directory for the sync commands: the UnboundID in-memory server on a free port, with people
 * (inetOrgPerson, their mail as user principal name) under {@code ou=people} and one group of them under
 * {@code ou=groups}, as OpenLDAP would hold them.
 */
public final class TestLdap implements AutoCloseable {
    public static final String BASE = "DC=contoso,DC=com";
    public static final String BIND_DN = "cn=allot-sync,DC=contoso,DC=com";
    public static final String PASSWORD = "Ldap-Pa55word!";

    private final InMemoryDirectoryServer server;
    private final String group;

    private TestLdap(InMemoryDirectoryServer server, String group) {
        this.server = server;
        this.group = group;
    }

    /** The directory with these people ({@code uid}, mail) and a group {@code group} of all of them. */
    public static TestLdap with(String group, List<String[]> people) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add(new Entry("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: contoso"));
            server.add(new Entry(
                    "dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people"));
            server.add(new Entry(
                    "dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups"));
            List<String> members = new ArrayList<>();
            for (String[] person : people) {
                String dn = "uid=" + person[0] + ",ou=people," + BASE;
                server.add(new Entry(
                        "dn: " + dn,
                        "objectClass: top",
                        "objectClass: person",
                        "objectClass: organizationalPerson",
                        "objectClass: inetOrgPerson",
                        "uid: " + person[0],
                        "cn: " + person[0],
                        "sn: " + person[0],
                        "mail: " + person[1]));
                members.add("member: " + dn);
            }
            List<String> lines = new ArrayList<>(List.of(
                    "dn: cn=" + group + ",ou=groups," + BASE,
                    "objectClass: top",
                    "objectClass: groupOfNames",
                    "cn: " + group));
            lines.addAll(members);
            server.add(new Entry(lines.toArray(String[]::new)));
            server.startListening();
            return new TestLdap(server, group);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "ldap://localhost:" + server.getListenPort();
    }

    /** Takes a person out of the group. */
    public void removeMember(String uid) {
        try {
            server.modify(
                    "cn=" + group + ",ou=groups," + BASE,
                    new Modification(ModificationType.DELETE, "member", "uid=" + uid + ",ou=people," + BASE));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
