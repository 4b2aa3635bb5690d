package org.allot.core.directory;

import java.util.UUID;

/**
 * The security identifier (SID) Entra gives every user and group, Graph's {@code securityIdentifier}: {@code S-1-12-1-}
 * and the object id read as four unsigned 32-bit numbers in Windows' byte order of a GUID (its first field, its second
 * and third fields together, then the last eight bytes four by four, each little-endian). Not the on-premises SID,
 * which is {@code onPremisesSecurityIdentifier}.
 */
public final class CloudSecurityIdentifiers {
    /** The prefix of every cloud SID. */
    public static final String PREFIX = "S-1-12-1-";

    private CloudSecurityIdentifiers() {}

    /** The SID of the user or group with this id. */
    public static String of(UUID id) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        long first = high >>> 32;
        long second = ((high & 0xFFFFL) << 16) | ((high >>> 16) & 0xFFFFL);
        long third = Integer.toUnsignedLong(Integer.reverseBytes((int) (low >>> 32)));
        long fourth = Integer.toUnsignedLong(Integer.reverseBytes((int) low));
        return PREFIX + first + "-" + second + "-" + third + "-" + fourth;
    }
}
