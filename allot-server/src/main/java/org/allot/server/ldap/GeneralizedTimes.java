package org.allot.server.ldap;

import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * LDAP generalized times ({@code modifyTimestamp}) read without a date format: the form directories write, UTC with
 * whole seconds and an optional fraction ({@code 20261205091500Z}, Active Directory's {@code 20261205091500.0Z}), is
 * read digit by digit; any other form (an offset, minutes or hours with a fraction) goes to UnboundID's decoder as
 * before. A full import reads one per entry.
 */
final class GeneralizedTimes {
    private GeneralizedTimes() {}

    /** The instant {@code value} names, or null when it is no generalized time. */
    static Instant parse(String value) {
        Instant fast = utcSeconds(value);
        if (fast != null) {
            return fast;
        }
        try {
            return StaticUtils.decodeGeneralizedTime(value).toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    /** {@code yyyyMMddHHmmss[.f…]Z} read as it is written, or null for another form. */
    private static Instant utcSeconds(String v) {
        int n = v.length();
        if (n < 15 || v.charAt(n - 1) != 'Z') {
            return null;
        }
        for (int i = 0; i < 14; i++) {
            if (!digit(v.charAt(i))) {
                return null;
            }
        }
        int nanos = 0;
        if (n > 15) {
            char separator = v.charAt(14);
            int digits = n - 16;
            if (separator != '.' || digits < 1 || digits > 9) {
                return null;
            }
            for (int i = 15; i < n - 1; i++) {
                if (!digit(v.charAt(i))) {
                    return null;
                }
                nanos = nanos * 10 + (v.charAt(i) - '0');
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
            // UnboundID keeps milliseconds: a finer fraction is cut as it cuts it
            nanos = nanos / 1_000_000 * 1_000_000;
        }
        try {
            return LocalDateTime.of(
                            number(v, 0, 4),
                            number(v, 4, 6),
                            number(v, 6, 8),
                            number(v, 8, 10),
                            number(v, 10, 12),
                            number(v, 12, 14),
                            nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }
}
