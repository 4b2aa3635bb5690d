package org.allot.server.web.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.allot.api.Amounts;
import org.allot.core.Words;
import org.allot.core.audit.PropertyChange;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;

/** How the pages write times and values; templates reach it as {@code fmt}. */
public final class Formats {
    static final Formats INSTANCE = new Formats();
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int LONGEST_VALUE = 160;

    private Formats() {}

    /** An amount of money as everything writes it ({@link Amounts}: 20.00); empty for none. */
    public String amount(BigDecimal amount) {
        return amount == null ? "" : Amounts.text(amount);
    }

    /** A number with its noun, singular for one ({@link Words#counted}): "1 user", "2 users". */
    public String count(long n, String one, String many) {
        return Words.counted(n, one, many);
    }

    /** A time to the minute, in UTC (the zone the audit log and the API use). */
    public String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** A day, in UTC, as a date field takes it (yyyy-MM-dd). */
    public String date(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(instant);
    }

    /** A time to the second, in UTC. */
    public String exact(Instant instant) {
        return instant == null ? "" : AuditPage.TIME.format(instant);
    }

    /** The words for what a directory sync run holds back or would do. */
    public HeldRun held(SyncRun run) {
        return new HeldRun(run);
    }

    /** A directory sync run's state in words. */
    public String runState(SyncRunState state) {
        return switch (state) {
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case BLOCKED -> "Blocked: waiting for confirmation";
            case CONFIRMED -> "Confirmed";
            case SUPERSEDED -> "Replaced by a later run";
            case INTERRUPTED -> "Interrupted";
            case PREVIEW -> "Preview: nothing applied";
            case STAGED -> "Staged: nothing applied";
        };
    }

    /** The Bootstrap colour of a directory sync run's state. */
    public String runStyle(SyncRunState state) {
        return switch (state) {
            case RUNNING -> "info";
            case SUCCEEDED, CONFIRMED -> "success";
            case FAILED -> "danger";
            case BLOCKED -> "warning";
            case SUPERSEDED, INTERRUPTED -> "secondary";
            case PREVIEW, STAGED -> "light";
        };
    }

    /** Each change as {@code property: old → new}, long values shortened. */
    public List<String> changes(List<PropertyChange> changes) {
        return changes.stream()
                .map(c -> c.name() + ": " + value(c.oldValue()) + " → " + value(c.newValue()))
                .toList();
    }

    private static String value(String v) {
        if (v == null || v.isEmpty()) {
            return "(none)";
        }
        return v.length() > LONGEST_VALUE ? v.substring(0, LONGEST_VALUE) + "…" : v;
    }
}
