package org.allot.server.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * OpenLDAP 2.5's {@code slapd} from Debian, as a real directory for the sync tests: started from a private
 * {@code slapd.conf} in a temporary folder (mdb database, the core, cosine, nis and inetorgperson schemas, indexes on
 * {@code member}, {@code uniqueMember}, {@code entryUUID} and {@code modifyTimestamp}, and a sync account without
 * size or time limits) on a free port of 127.0.0.1; one per test class ({@code @RegisterExtension static}), stopped
 * after it. Each test takes a subtree of its own ({@link #subtree}). Skipped, saying so, only when slapd is not
 * installed; {@code .ci/run} installs it.
 */
public final class Slapd implements BeforeAllCallback, AfterAllCallback {
    public static final String SUFFIX = "dc=contoso,dc=com";
    public static final String BIND_DN = "cn=allot-sync," + SUFFIX;
    public static final String PASSWORD = "Sync-Pa55word!";
    private static final String ROOT_DN = "cn=admin," + SUFFIX;
    private static final String ROOT_PASSWORD = "Root-Pa55word!";
    private static final List<String> BINARIES = List.of("/usr/sbin/slapd", "/usr/local/sbin/slapd");
    private static final Duration START = Duration.ofSeconds(30);

    private final AtomicInteger subtrees = new AtomicInteger();
    private Path folder;
    private Process process;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path binary = BINARIES.stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(
                binary != null,
                "slapd is not installed (Debian package slapd, which .ci/run installs): the tests against a real"
                        + " OpenLDAP server are skipped");
        folder = Files.createTempDirectory("allot-slapd");
        Files.createDirectories(folder.resolve("data"));
        port = freePort();
        Path config = folder.resolve("slapd.conf");
        Files.writeString(config, config(folder), StandardCharsets.UTF_8);
        Path log = folder.resolve("slapd.log");
        process = new ProcessBuilder(binary.toString(), "-f", config.toString(), "-h", url() + "/", "-d", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitListening(log);
        try (LDAPConnection root = root()) {
            root.add(new Entry("dn: " + SUFFIX, "objectClass: top", "objectClass: domain", "dc: contoso"));
            root.add(new Entry(
                    "dn: " + BIND_DN,
                    "objectClass: top",
                    "objectClass: organizationalRole",
                    "objectClass: simpleSecurityObject",
                    "cn: allot-sync",
                    "userPassword: " + PASSWORD));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** A new organizational unit right under the suffix, for one test's entries; returns its DN. */
    public String subtree(String name) throws LDAPException {
        String dn = "ou=" + name + "-" + subtrees.incrementAndGet() + "," + SUFFIX;
        add(
                "dn: " + dn,
                "objectClass: top",
                "objectClass: organizationalUnit",
                "ou: " + dn.substring(3, dn.indexOf(',')));
        return dn;
    }

    /** Adds an entry, written as LDIF lines, as the directory's administrator. */
    public void add(String... ldifLines) throws LDAPException {
        try (LDAPConnection c = root()) {
            c.add(new Entry(ldifLines));
        } catch (LDIFException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Adds entries in one connection. */
    public void addAll(List<Entry> entries) throws LDAPException {
        try (LDAPConnection c = root()) {
            for (Entry entry : entries) {
                c.add(entry);
            }
        }
    }

    public void modify(String dn, ModificationType type, String attribute, String... values) throws LDAPException {
        try (LDAPConnection c = root()) {
            c.modify(dn, new Modification(type, attribute, values));
        }
    }

    /** Renames an entry in place, as {@code ldapmodrdn} does: the old RDN's value goes. */
    public void rename(String dn, String newRdn) throws LDAPException {
        try (LDAPConnection c = root()) {
            c.modifyDN(dn, newRdn, true);
        }
    }

    /** Moves an entry under another parent, keeping its RDN, as {@code ldapmodrdn -s} does. */
    public void move(String dn, String newSuperior) throws LDAPException {
        try (LDAPConnection c = root()) {
            c.modifyDN(dn, dn.substring(0, dn.indexOf(',')), true, newSuperior);
        }
    }

    public void delete(String dn) throws LDAPException {
        try (LDAPConnection c = root()) {
            c.delete(dn);
        }
    }

    /** The entry's {@code entryUUID}, which the generic LDAP preset takes for its immutable id. */
    public String entryUuid(String dn) throws LDAPException {
        try (LDAPConnection c = root()) {
            return c.getEntry(dn, "entryUUID").getAttributeValue("entryUUID");
        }
    }

    private LDAPConnection root() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd stopped at start (exit " + process.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("slapd did not listen on " + url() + " within " + START + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String config(Path folder) {
        List<String> lines = new ArrayList<>();
        for (String schema : List.of("core", "cosine", "nis", "inetorgperson")) {
            lines.add("include /etc/ldap/schema/" + schema + ".schema");
        }
        lines.addAll(List.of(
                "pidfile " + folder.resolve("slapd.pid"),
                "argsfile " + folder.resolve("slapd.args"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "database mdb",
                "maxsize 268435456",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + folder.resolve("data"),
                "index objectClass eq",
                "index member,uniqueMember eq",
                "index entryUUID eq",
                "index modifyTimestamp eq",
                "limits dn.exact=\"" + BIND_DN + "\" size=unlimited time=unlimited",
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by * read"));
        return String.join("\n", lines) + "\n";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
