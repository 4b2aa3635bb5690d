package org.allot.server.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database superuser's password: generated at random on first start and kept in a file of the data
 * directory that only its owner may read or write (0600), so that later starts use it again.
 *
 * @param file where it is kept
 * @param value the password
 * @param created whether this start generated it
 */
record DatabasePassword(Path file, String value, boolean created) {
    private static final Logger log = LoggerFactory.getLogger(DatabasePassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** The password kept in the file; a new one, written there, if there is none yet. */
    static DatabasePassword readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file);
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("The database password file " + file + " is empty.");
            }
            return new DatabasePassword(file, value, false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path draft = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(draft);
        Files.writeString(Files.createFile(draft, ownerOnly(file)), value + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(draft);
            return readOrCreate(file);
        }
        return new DatabasePassword(file, value, true);
    }

    /** A password file others can read is made owner-only again. */
    private static void restrict(Path file) throws IOException {
        if (!posix(file) || Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            return;
        }
        log.warn("The database password file {} could be read by others; it is now readable by its owner only", file);
        Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return posix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "DatabasePassword[" + file + "]";
    }
}
