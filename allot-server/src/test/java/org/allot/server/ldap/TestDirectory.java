package org.allot.server.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.allot.core.sync.ConnectorRequest;

/**
 * An LDAP server for the sync tests: the UnboundID in-memory directory server, loaded from an LDIF of the test
 * resources, on a port of its own that it keeps across a stop and a start. Changes go through an LDAP connection,
 * as an administrator's would, so that the Active Directory emulation sees them.
 */
public final class TestDirectory implements AutoCloseable {
    public static final String BASE = "DC=contoso,DC=com";
    public static final String BIND_DN = "CN=allot-sync,OU=Service Accounts,DC=contoso,DC=com";
    public static final String PASSWORD = "Sync-Pa55word!";

    private final InMemoryDirectoryServer server;
    private final ActiveDirectoryEmulation emulation;
    private final int port;

    private TestDirectory(String ldif, String schema, ActiveDirectoryEmulation emulation) {
        try {
            port = freePort();
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            if (schema != null) {
                try (InputStream in = resource(schema)) {
                    config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in)));
                }
            }
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", port));
            config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
            config.setReferentialIntegrityAttributes("member");
            if (emulation != null) {
                config.addInMemoryOperationInterceptor(emulation);
            }
            server = new InMemoryDirectoryServer(config);
            this.emulation = emulation;
            if (emulation != null) {
                emulation.attach(server);
            }
            try (LDIFReader reader = new LDIFReader(resource(ldif))) {
                server.importFromLDIF(true, reader);
            }
            server.startListening();
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Contoso's Active Directory: {@code ldap/ad-contoso.ldif} with the AD schema and the AD emulation. */
    public static TestDirectory activeDirectory() {
        return new TestDirectory("ldap/ad-contoso.ldif", "ldap/ad-schema.ldif", new ActiveDirectoryEmulation(5612));
    }

    /** A generic LDAP directory: inetOrgPerson, groupOfNames, entryUUID and modifyTimestamp. */
    public static TestDirectory genericLdap() {
        return new TestDirectory("ldap/ldap-contoso.ldif", null, null);
    }

    /**
     * A generic LDAP server of {@code ldap/ldap-contoso.ldif} that knows the sync account, started on a free port
     * after {@code tune} set it up further (an interceptor, limits, other listeners): for tests of one server's
     * behaviour. The caller shuts it down.
     */
    public static InMemoryDirectoryServer started(Consumer<InMemoryDirectoryServerConfig> tune) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        tune.accept(config);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (LDIFReader reader = new LDIFReader(resource("ldap/ldap-contoso.ldif"))) {
            server.importFromLDIF(true, reader);
        }
        server.startListening();
        return server;
    }

    /**
     * A generic LDAP connector as the tests of one server send it: the sync account, people and groupOfNames.
     *
     * @param certificate the PEM certificate to trust, or null
     */
    public static ConnectorRequest connector(String url, String certificate, String base) {
        return new ConnectorRequest(
                "genericLdap",
                url,
                false,
                certificate,
                BIND_DN,
                PASSWORD,
                List.of(base),
                "(objectClass=person)",
                "(objectClass=groupOfNames)",
                Map.of(),
                true,
                null,
                null);
    }

    public String url() {
        return "ldap://localhost:" + port;
    }

    public int port() {
        return port;
    }

    ActiveDirectoryEmulation emulation() {
        return emulation;
    }

    LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("localhost", port, BIND_DN, PASSWORD);
    }

    public void add(String... ldifLines) throws LDAPException, com.unboundid.ldif.LDIFException {
        try (LDAPConnection c = connect()) {
            c.add(new Entry(ldifLines));
        }
    }

    public void replace(String dn, String attribute, String... values) throws LDAPException {
        try (LDAPConnection c = connect()) {
            c.modify(dn, new Modification(ModificationType.REPLACE, attribute, values));
        }
    }

    /** Sets a binary attribute, such as {@code mS-DS-ConsistencyGuid}, to these bytes. */
    public void replaceBytes(String dn, String attribute, byte[] value) throws LDAPException {
        try (LDAPConnection c = connect()) {
            c.modify(dn, new Modification(ModificationType.REPLACE, attribute, value));
        }
    }

    public void addValue(String dn, String attribute, String value) throws LDAPException {
        try (LDAPConnection c = connect()) {
            c.modify(dn, new Modification(ModificationType.ADD, attribute, value));
        }
    }

    public void removeValue(String dn, String attribute, String value) throws LDAPException {
        try (LDAPConnection c = connect()) {
            c.modify(dn, new Modification(ModificationType.DELETE, attribute, value));
        }
    }

    void rename(String dn, String newRdn, String newParent) throws LDAPException {
        try (LDAPConnection c = connect()) {
            c.modifyDN(dn, newRdn, true, newParent);
        }
    }

    public void delete(String dn) throws LDAPException {
        try (LDAPConnection c = connect()) {
            c.delete(dn);
        }
    }

    /** The object's immutable id as Allot writes it: base64 of the objectGUID bytes, or the entryUUID. */
    public String immutableId(String dn) throws LDAPException {
        Entry entry = server.getEntry(dn, "objectGUID", "entryUUID");
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        return guid != null ? Base64.getEncoder().encodeToString(guid) : entry.getAttributeValue("entryUUID");
    }

    /** Stops listening, as a server that went down. */
    public void stop() {
        server.shutDown(true);
    }

    /** Listens again on the same port. */
    public void start() throws LDAPException {
        server.startListening();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static InputStream resource(String name) {
        InputStream in = TestDirectory.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        return in;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
