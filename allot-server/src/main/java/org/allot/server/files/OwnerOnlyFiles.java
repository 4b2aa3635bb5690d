package org.allot.server.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files of the data directory that hold secrets (the database password, the master key, the certificate's private key,
 * the first start's credentials): readable by the server's account only from the moment they exist (0600, folders
 * 0700), written whole or not at all, and made owner-only again at start if someone loosened them.
 */
public final class OwnerOnlyFiles {
    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> FILE =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> FOLDER =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnlyFiles() {}

    /**
     * Writes the text to the file, readable by its owner only from the start; a reader sees the old content or the new
     * one, never a part (a draft moved into place).
     *
     * @param replace whether an existing file is replaced
     * @return false when the file exists and is not to be replaced (another process may have written it meanwhile)
     */
    public static boolean write(Path file, String text, boolean replace) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path draft = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(draft);
        Files.writeString(Files.createFile(draft, attributes(file, FILE)), text, StandardCharsets.UTF_8);
        try {
            if (replace) {
                Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            } else {
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(draft);
            return false;
        }
    }

    /** A file others can read is made owner-only again (and the log says so). */
    public static void restrict(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
            log.warn("{} could be read by others; it is now readable by its owner only", file);
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** The folder, created owner-only if missing, made owner-only again if others could enter it. */
    public static void folder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.toAbsolutePath().getParent());
            Files.createDirectory(folder, attributes(folder, FOLDER));
        } else if (posix(folder) && !Files.getPosixFilePermissions(folder).equals(FOLDER)) {
            log.warn("{} could be entered by others; it is now its owner's only", folder);
            Files.setPosixFilePermissions(folder, FOLDER);
        }
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
