package org.allot.bench.scenario;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sync scenario's directory on OpenLDAP's {@code slapd} (Debian's package): the same entries as {@link
 * BenchDirectory}, loaded with {@code slapadd} (which keeps their entryUUID and day-old timestamps) into an mdb
 * database in a temporary folder, served on a free port of 127.0.0.1 from a private {@code slapd.conf} (indexes on
 * objectClass, member, entryUUID and modifyTimestamp; no size or time limit). Changes are ordinary LDAP modifications,
 * which slapd stamps with their own modifyTimestamp.
 */
@SuppressWarnings("JavaUtilDate") // UnboundID encodes generalized time from java.util.Date
final class SlapdDirectory implements SyncDirectory {
    private static final String ROOT_DN = "cn=admin," + BenchDirectory.BASE;
    private static final String ROOT_PASSWORD = "Bench-Pa55word!";

    private final Path folder;
    private final Process process;
    private final int port;
    private final int users;
    private final int groups;
    private final Random random;

    SlapdDirectory(int users, int groups, String domain, long seed) {
        this.users = users;
        this.groups = groups;
        this.random = new Random(seed);
        try {
            folder = Files.createTempDirectory("allot-bench-slapd");
            Files.createDirectories(folder.resolve("data"));
            Path config = folder.resolve("slapd.conf");
            Files.writeString(config, config(folder), StandardCharsets.UTF_8);
            Path ldif = folder.resolve("bench.ldif");
            try (BufferedWriter out = Files.newBufferedWriter(ldif, StandardCharsets.UTF_8)) {
                for (Entry e : BenchDirectory.generate(users, groups, domain, random)) {
                    out.write(e.toLDIFString());
                    out.write("\n\n");
                }
            }
            run("/usr/sbin/slapadd", "-q", "-f", config.toString(), "-l", ldif.toString());
            port = freePort();
            Path log = folder.resolve("slapd.log");
            process = new ProcessBuilder("/usr/sbin/slapd", "-f", config.toString(), "-h", url() + "/", "-d", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitListening(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    @Override
    public String bindDn() {
        return ROOT_DN;
    }

    @Override
    public String password() {
        return ROOT_PASSWORD;
    }

    @Override
    public void change(int count, int round) throws LDAPException {
        int titles = count / 2;
        int adds = (count - titles) / 2;
        int removes = count - titles - adds;
        try (LDAPConnection c = root()) {
            Set<Integer> changedUsers = new HashSet<>();
            while (changedUsers.size() < titles) {
                changedUsers.add(random.nextInt(users));
            }
            for (int i : changedUsers) {
                c.modify(
                        "uid=u" + i + "," + BenchDirectory.PEOPLE,
                        new Modification(ModificationType.REPLACE, "title", "Title r" + round + "-" + i));
            }
            for (int k = 0; k < adds; k++) {
                String group = "cn=g" + (k % groups) + "," + BenchDirectory.GROUPS;
                Entry current = c.getEntry(group, "member");
                String member;
                do {
                    member = "uid=u" + random.nextInt(users) + "," + BenchDirectory.PEOPLE;
                } while (current.hasAttributeValue("member", member));
                c.modify(group, new Modification(ModificationType.ADD, "member", member));
            }
            for (int k = 0; k < removes; k++) {
                String group = "cn=g" + (groups - 1 - (k % groups)) + "," + BenchDirectory.GROUPS;
                String[] values = c.getEntry(group, "member").getAttributeValues("member");
                if (values.length > 1) {
                    c.modify(group, new Modification(ModificationType.DELETE, "member", values[values.length - 1]));
                }
            }
        }
    }

    @Override
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    @Override
    public LDAPConnection reader() throws LDAPException {
        return root();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LDAPConnection root() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path log = folder.resolve("slapadd.log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
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
        throw new IllegalStateException(
                "slapd did not listen on " + url() + " in time:\n" + Files.readString(log, StandardCharsets.UTF_8));
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
                "sizelimit unlimited",
                "timelimit unlimited",
                "database mdb",
                "maxsize 4294967296",
                "suffix \"" + BenchDirectory.BASE + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + folder.resolve("data"),
                "index objectClass eq",
                "index member eq",
                "index entryUUID eq",
                "index modifyTimestamp eq",
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
