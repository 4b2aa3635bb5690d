package org.allot.core;

import java.util.UUID;

/**
 * The order of uuid values as PostgreSQL sorts them: byte by byte, unsigned (Java's own {@link UUID#compareTo} compares
 * signed halves). Ids that lock rows in order ({@code LockOrder}) or page by id compare this way, so that Java and SQL
 * agree.
 */
public final class UuidOrder {
    private UuidOrder() {}

    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
