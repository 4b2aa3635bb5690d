package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;

public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void appendAll(Collection<AuditEvent> more) {
        events.addAll(more);
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<AuditEvent> of(Activity activity) {
        return events.stream().filter(e -> e.activity() == activity).toList();
    }
}
