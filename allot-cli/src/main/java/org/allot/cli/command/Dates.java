package org.allot.cli.command;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.allot.cli.process.Failure;

/** Dates given on the command line: a day (its start, UTC) or an ISO 8601 time with its offset. */
final class Dates {
    private Dates() {}

    /** The time {@code value} names, or null when it is null. */
    static OffsetDateTime parse(String option, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw Failure.usage(
                    option + " takes a date (2026-12-01) or a time (2026-12-01T08:00:00Z), not '" + value + "'.");
        }
    }
}
