package org.allot.core.directory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stretch of a tenant's users by id: those whose id is greater than {@code after} (null: from the first) and at
 * most {@code last} (null: to the end), in the order of {@link UserId#compareTo}.
 */
public record UserRange(UserId after, UserId last) {
    private static final BigInteger IDS = BigInteger.ONE.shiftLeft(64);

    /** Every user. */
    public static UserRange all() {
        return new UserRange(null, null);
    }

    public boolean contains(UserId id) {
        return (after == null || id.compareTo(after) > 0) && (last == null || id.compareTo(last) <= 0);
    }

    /**
     * The ids after {@code after} (null: all of them) in {@code parts} stretches of equal width, in id order, the last
     * one to the end. User ids are random, so stretches of equal width hold about as many users each.
     */
    public static List<UserRange> split(UserId after, int parts) {
        BigInteger start =
                after == null ? BigInteger.ZERO : unsigned(after.value().getMostSignificantBits());
        BigInteger width = IDS.subtract(start).divide(BigInteger.valueOf(Math.max(1, parts)));
        List<UserRange> ranges = new ArrayList<>();
        UserId from = after;
        for (int i = 1; i < parts && width.signum() > 0; i++) {
            long high = start.add(width.multiply(BigInteger.valueOf(i)))
                    .subtract(BigInteger.ONE)
                    .longValue();
            UserId last = new UserId(new UUID(high, -1L));
            ranges.add(new UserRange(from, last));
            from = last;
        }
        ranges.add(new UserRange(from, null));
        return ranges;
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
