package org.allot.core.sync;

import java.util.Objects;

/** The on-premises side of a sync: where its entries are read, and how the bind password is sealed at rest. */
public record OnPremisesDirectory(DirectorySource source, Secrets secrets) {
    public OnPremisesDirectory {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(secrets, "secrets");
    }
}
