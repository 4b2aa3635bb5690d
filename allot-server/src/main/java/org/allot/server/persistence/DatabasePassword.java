package org.allot.server.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.allot.server.files.OwnerOnlyFiles;

/**
 * The embedded database superuser's password: generated at random on first start and kept in a file of the data
 * directory that only its owner may read or write (0600), so that later starts use it again.
 *
 * @param file where it is kept
 * @param value the password
 * @param created whether this start generated it
 */
record DatabasePassword(Path file, String value, boolean created) {
    /** The password kept in the file; a new one, written there, if there is none yet. */
    static DatabasePassword readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            OwnerOnlyFiles.restrict(file);
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("The database password file " + file + " is empty.");
            }
            return new DatabasePassword(file, value, false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (!OwnerOnlyFiles.write(file, value + "\n", false)) {
            return readOrCreate(file);
        }
        return new DatabasePassword(file, value, true);
    }

    @Override
    public String toString() {
        return "DatabasePassword[" + file + "]";
    }
}
