package org.allot.server.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.allot.core.audit.PropertyChange;

/** How the pages write times and values; templates reach it as {@code fmt}. */
public final class Formats {
    static final Formats INSTANCE = new Formats();
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int LONGEST_VALUE = 160;

    private Formats() {}

    /** A time to the minute, in UTC (the zone the audit log and the API use). */
    public String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** A time to the second, in UTC. */
    public String exact(Instant instant) {
        return instant == null ? "" : AuditPage.TIME.format(instant);
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
