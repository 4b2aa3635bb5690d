package org.allot.cli.api;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.allot.cli.process.Environment;
import org.allot.cli.process.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The user's config file (JSON: url, clientId, clientSecret, and caFile or fingerprint), readable by its owner only,
 * and the credentials a run uses: each of the environment variables {@code ALLOT_URL}, {@code ALLOT_CLIENT_ID},
 * {@code ALLOT_CLIENT_SECRET} overrides the file; {@code ALLOT_CA_FILE} or {@code ALLOT_FINGERPRINT} override the
 * file's trust, which is used only for the server it was saved with.
 */
public final class ConfigFile {
    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Optional<Credentials> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            // read as a tree: a command that only reads does without building the object mapper
            JsonNode file = JsonTree.parse(Files.readString(path));
            if (!file.isObject()) {
                throw new IOException("not a JSON object");
            }
            return Optional.of(new Credentials(
                    text(file, "url"),
                    text(file, "clientId"),
                    text(file, "clientSecret"),
                    text(file, "caFile"),
                    text(file, "fingerprint")));
        } catch (IOException | JacksonException e) {
            throw Failure.failed(
                    "BadConfigFile", "Cannot read " + path + " (" + e.getMessage() + "): run 'allot login' again.");
        }
    }

    private static String text(JsonNode file, String field) {
        JsonNode value = file.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Writes the file atomically, created with owner-only permissions (600, its folder 700) where POSIX allows. */
    public void write(Credentials credentials) {
        writePrivately(path, Api.json().writerWithDefaultPrettyPrinter().writeValueAsString(credentials));
    }

    /** Writes a file atomically, created with owner-only permissions (600, its folder 700) where POSIX allows. */
    static void writePrivately(Path path, String text) {
        try {
            Path folder = path.toAbsolutePath().getParent();
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(folder)) {
                if (posix) {
                    Files.createDirectories(
                            folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            Path temporary = posix
                    ? Files.createTempFile(
                            folder,
                            ".config",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, ".config", ".tmp");
            if (!posix) {
                ownerOnly(temporary);
            }
            Files.writeString(temporary, text);
            move(temporary, path);
        } catch (IOException e) {
            throw Failure.failed("ConfigNotSaved", "Cannot write " + path + ": " + e.getMessage());
        }
    }

    /** Removes the file; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw Failure.failed("ConfigNotRemoved", "Cannot remove " + path + ": " + e.getMessage());
        }
    }

    /** The credentials of this run: the environment's variables first, then the file. */
    public static Credentials resolve(Environment environment) {
        Optional<Credentials> saved = new ConfigFile(environment.configFile()).read();
        String url = environment
                .variable(Environment.URL)
                .or(() -> saved.map(Credentials::url))
                .orElse(null);
        String id = environment
                .variable(Environment.CLIENT_ID)
                .or(() -> saved.map(Credentials::clientId))
                .orElse(null);
        String secret = environment
                .variable(Environment.CLIENT_SECRET)
                .or(() -> saved.map(Credentials::clientSecret))
                .orElse(null);
        if (url == null || id == null || secret == null) {
            throw Failure.failed(
                    "NotLoggedIn",
                    "No server and credentials: run 'allot login', or set ALLOT_URL, ALLOT_CLIENT_ID and"
                            + " ALLOT_CLIENT_SECRET.");
        }
        String server = Credentials.checkedUrl(url);
        return new Credentials(server, id, secret, trust(environment, saved, server));
    }

    /**
     * The trust of this run: the environment's, else the file's when the server is the one it was saved for, else the
     * system's authorities.
     */
    public static ServerTrust trust(Environment environment, Optional<Credentials> saved, String server) {
        Optional<String> file = environment.variable(Environment.CA_FILE);
        Optional<String> pin = environment.variable(Environment.FINGERPRINT);
        if (file.isPresent() || pin.isPresent()) {
            return ServerTrust.of(file.orElse(null), pin.orElse(null));
        }
        return saved.filter(
                        c -> c.url() != null && Credentials.checkedUrl(c.url()).equals(server))
                .map(Credentials::trust)
                .orElse(ServerTrust.SYSTEM);
    }

    private static void move(Path temporary, Path path) throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path file) {
        var f = file.toFile();
        boolean ok = f.setReadable(false, false)
                && f.setWritable(false, false)
                && f.setReadable(true, true)
                && f.setWritable(true, true);
        if (!ok) {
            throw Failure.failed("ConfigNotSaved", "Cannot restrict the permissions of " + file + ".");
        }
    }
}
