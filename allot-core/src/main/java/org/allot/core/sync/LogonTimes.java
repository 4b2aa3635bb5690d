package org.allot.core.sync;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's last logon as a directory writes it: Active Directory's {@code lastLogonTimestamp}, a Windows file time
 * (the number of 100-nanosecond intervals since 1601-01-01 UTC, in decimal), or a generalized time in UTC such as
 * OpenLDAP's {@code authTimestamp} ({@code 20261130081500Z}). {@code 0} (Active Directory's "never") and anything that
 * is neither, or lies past the year 9999 ({@code 9223372036854775807} also means "never"), give nothing: a user
 * without a logon is one never seen, and a value that cannot be read never fails a run.
 */
final class LogonTimes {
    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long FILETIME_EPOCH = 11_644_473_600L;

    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Pattern FILETIME = Pattern.compile("[0-9]{1,19}");
    private static final Pattern GENERALIZED = Pattern.compile("([0-9]{14})(?:[.,]([0-9]{1,9}))?Z");

    private LogonTimes() {}

    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (FILETIME.matcher(v).matches()) {
            return fileTime(v);
        }
        Matcher m = GENERALIZED.matcher(v);
        return m.matches() ? generalized(m) : Optional.empty();
    }

    private static Optional<Instant> fileTime(String digits) {
        long ticks;
        try {
            ticks = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (ticks <= 0) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochSecond(ticks / TICKS_PER_SECOND - FILETIME_EPOCH, ticks % TICKS_PER_SECOND * 100);
        return at.isAfter(LATEST) ? Optional.empty() : Optional.of(at);
    }

    private static Optional<Instant> generalized(Matcher m) {
        String t = m.group(1);
        String fraction = m.group(2) == null ? "" : m.group(2);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        try {
            return Optional.of(LocalDateTime.of(
                            Integer.parseInt(t.substring(0, 4)),
                            Integer.parseInt(t.substring(4, 6)),
                            Integer.parseInt(t.substring(6, 8)),
                            Integer.parseInt(t.substring(8, 10)),
                            Integer.parseInt(t.substring(10, 12)),
                            Integer.parseInt(t.substring(12, 14)),
                            nanos)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
