package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.DirectoryChanges;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;

/**
 * The directory's change log in memory, as change notifications read it: each change {@link #log}ged is a transaction
 * of its own, and a position is the number of the last change it covers. Delta queries' reads are not kept here.
 */
public final class InMemoryChangeLog implements DirectoryChanges {
    private record Change(long number, TenantId tenant, Logged logged) {}

    private final List<Change> changes = new ArrayList<>();
    private final Map<TenantId, Long> trimmedThrough = new HashMap<>();

    /** A change, in a transaction of its own; returns the object's id. */
    public synchronized UUID log(TenantId tenant, Subject subject, UUID id, Op op) {
        long number = changes.size() + 1L;
        changes.add(new Change(number, tenant, new Logged(Long.toString(number), subject, id, op)));
        return id;
    }

    /** A change of one of a user's license assignments, in a transaction of its own. */
    public synchronized void logAssignment(TenantId tenant, UUID user, Op op, AssignmentChange assignment) {
        long number = changes.size() + 1L;
        changes.add(new Change(
                number, tenant, new Logged(Long.toString(number), Subject.LICENSE_ASSIGNMENT, user, op, assignment)));
    }

    /** Changes in one transaction. */
    public synchronized void logTogether(TenantId tenant, List<Logged> together) {
        String transaction = "t" + (changes.size() + 1);
        for (Logged l : together) {
            changes.add(new Change(
                    changes.size() + 1L, tenant, new Logged(transaction, l.subject(), l.id(), l.op(), l.assignment())));
        }
    }

    @Override
    public synchronized String horizon() {
        return Long.toString(changes.size());
    }

    @Override
    public synchronized boolean servable(TenantId tenant, String position) {
        return Long.parseLong(position) >= trimmedThrough.getOrDefault(tenant, 0L);
    }

    @Override
    public synchronized List<Logged> logged(TenantId tenant, String from, String to) {
        long after = Long.parseLong(from);
        long through = Long.parseLong(to);
        return changes.stream()
                .filter(c -> c.tenant().equals(tenant) && c.number() > after && c.number() <= through)
                .map(Change::logged)
                .toList();
    }

    /** Forgets every change of the tenant so far, whatever {@code before} says. */
    @Override
    public synchronized int trim(TenantId tenant, Instant before) {
        trimmedThrough.put(tenant, (long) changes.size());
        return 0;
    }

    @Override
    public List<UUID> present(TenantId tenant, Kind kind, Collection<UUID> only, UUID after, int limit) {
        throw new UnsupportedOperationException("delta queries are not kept in memory");
    }

    @Override
    public List<UUID> changed(
            TenantId tenant,
            Kind kind,
            boolean withMembers,
            Collection<UUID> only,
            String from,
            String to,
            UUID after,
            int limit) {
        throw new UnsupportedOperationException("delta queries are not kept in memory");
    }

    @Override
    public Map<UUID, User> users(TenantId tenant, Collection<UUID> ids) {
        throw new UnsupportedOperationException("delta queries are not kept in memory");
    }

    @Override
    public Map<UUID, Group> groups(TenantId tenant, Collection<UUID> ids) {
        throw new UnsupportedOperationException("delta queries are not kept in memory");
    }

    @Override
    public Map<UUID, List<MemberChange>> members(TenantId tenant, Collection<UUID> groups) {
        throw new UnsupportedOperationException("delta queries are not kept in memory");
    }

    @Override
    public Map<UUID, List<MemberChange>> memberChanges(
            TenantId tenant, Collection<UUID> groups, String from, String to) {
        throw new UnsupportedOperationException("delta queries are not kept in memory");
    }
}
