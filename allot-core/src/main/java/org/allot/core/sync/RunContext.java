package org.allot.core.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;

/**
 * One run as it goes: who acts, what the directory has in scope, which synced objects Allot holds, what was read,
 * and the tally. Only the run's own thread touches it, and only after the unit of work of a step has committed.
 */
final class RunContext {
    final TenantId tenant;
    final Caller caller;
    final ConnectorSettings settings;
    final EntryMapper mapper;
    final DirectorySession session;
    final DeltaBookkeeping.Decision decision;
    /** Whether the run only works out what it would do (a preview, or staging mode) and writes nothing to the directory. */
    final boolean dry;

    final Tally tally = new Tally();
    /** What a dry run would add, update or restore. */
    final List<PlannedChange> planned = new ArrayList<>();

    /** In scope, by immutable id, as the census found it. */
    final Map<ObjectKind, Map<String, ScopeItem>> scope = new HashMap<>();
    /**
     * Whether the run listed the whole scope. A delta run may leave the census out: then the synced objects it did not
     * read are taken to be in scope but for those {@link #changedElsewhere} tells left it, and deletions that no one
     * told of wait for a run with a census.
     */
    boolean censusTaken = true;
    /** Whether the census is taken from the run's read of every entry in scope (a full run), not listed beforehand. */
    boolean censusInRead;
    /** Whether the run looked for deletions: with a census, or told by the directory what changed out of scope. */
    boolean deletionsChecked = true;
    /** In a delta run without census, the ids of the objects that changed anywhere in the directory since the watermark. */
    final Set<String> changedElsewhere = new HashSet<>();
    /** Immutable ids by normalised DN, for everything in scope and everything read. */
    private final Map<String, String> idsByKey = new HashMap<>();
    /** Synced objects in Allot by immutable id, as the run started, kept up to date as it writes. */
    private final Map<String, SyncedRef> index = new HashMap<>();
    /** Immutable ids by Allot id. */
    private final Map<UUID, String> idsByObject = new HashMap<>();
    /** Users Allot held when the run started, by distinguished name in lower case; made when first asked for. */
    private Map<String, SyncedRef> usersByName;
    /** The synced objects Allot had when the run started. */
    final List<SyncedRef> before;
    /** Immutable ids of the objects read in this run. */
    final Set<String> seen = new HashSet<>();
    /** The member lists of the groups whose members the run sets, by immutable id of the group. */
    final Map<String, List<String>> memberLists = new LinkedHashMap<>();
    /**
     * The dangling member values of the groups read (values that name no entry of the directory), by immutable id
     * of the group: such a group loses none of its members in the run.
     */
    final Map<String, List<String>> dangling = new HashMap<>();
    /**
     * The managers of the users read in this run: by immutable id of the user, the normalised distinguished name its
     * {@code manager} names, or null when it has none.
     */
    final Map<String, String> managers = new LinkedHashMap<>();
    /** Distinguished names of groups, by immutable id, for error messages. */
    final Map<String, String> groupDns = new HashMap<>();
    /** Groups counted unchanged so far, by immutable id: a membership change makes them updated. */
    final Set<String> unchangedGroups = new HashSet<>();
    /** Distinguished names of objects a delta run added or restored: the groups that list them are read again. */
    final List<String> entered = new ArrayList<>();
    /** Users a delta run restored: the groups Allot has them in are read again. */
    final List<UUID> restored = new ArrayList<>();
    /**
     * Users whose principal name another user had when the run wrote them, by immutable id: written again once the
     * run's deletions have freed names ({@link ObjectPhase#writeAgainWhoseNameWasTaken}).
     */
    final Map<String, DirectoryEntry> nameTaken = new LinkedHashMap<>();
    /** Whether the run writes those users again: a name still taken is then an error. */
    boolean writingAgain;

    Instant latestChange;
    /** When, by Allot's clock, the census began. */
    Instant readAt;
    /** The run's record as last saved. */
    SyncRun record;
    /** How many of its errors are saved. */
    int errorsSaved;

    RunContext(
            SyncRun record,
            TenantId tenant,
            Caller caller,
            ConnectorSettings settings,
            DirectorySession session,
            DeltaBookkeeping.Decision decision,
            List<SyncedRef> synced,
            boolean dry) {
        this.dry = dry;
        this.record = record;
        this.tenant = tenant;
        this.caller = caller;
        this.settings = settings;
        this.mapper = new EntryMapper(settings.mapping());
        this.session = session;
        this.decision = decision;
        this.before = List.copyOf(synced);
        synced.forEach(this::remember);
        for (ObjectKind kind : ObjectKind.values()) {
            scope.put(kind, new HashMap<>());
        }
    }

    boolean delta() {
        return decision.mode() == SyncMode.DELTA;
    }

    /** Takes an object the census found: in scope, or an error when it has no immutable id. */
    void take(ScopeItem item) {
        if (item.immutableId() == null) {
            tally.error(new SyncError(item.kind(), item.key(), null, mapper.noIdReason(item.kind())));
        } else {
            census(item);
        }
    }

    void census(ScopeItem item) {
        scope.get(item.kind()).put(item.immutableId(), item);
        idsByKey.put(item.key(), item.immutableId());
        if (item.modified() != null && (latestChange == null || item.modified().isAfter(latestChange))) {
            latestChange = item.modified();
        }
    }

    /** Whether the directory still holds the object: in the census, or read in this run. */
    boolean inScope(String immutableId) {
        if (immutableId == null) {
            return false;
        }
        if (seen.contains(immutableId)
                || scope.get(ObjectKind.USER).containsKey(immutableId)
                || scope.get(ObjectKind.GROUP).containsKey(immutableId)) {
            return true;
        }
        return !censusTaken
                && !changedElsewhere.contains(immutableId)
                && synced(immutableId).map(ref -> !ref.deleted()).orElse(false);
    }

    /** The member values of the groups read that name no object the run knows. */
    Set<String> unknownMembers() {
        Set<String> unknown = new java.util.LinkedHashSet<>();
        for (List<String> members : memberLists.values()) {
            for (String key : members) {
                if (!idsByKey.containsKey(key)) {
                    unknown.add(key);
                }
            }
        }
        return unknown;
    }

    boolean inScope(UUID object) {
        return inScope(idsByObject.get(object));
    }

    void read(String key, String immutableId) {
        idsByKey.put(key, immutableId);
    }

    Optional<SyncedRef> resolve(String key) {
        return Optional.ofNullable(idsByKey.get(key)).map(index::get);
    }

    /**
     * What a normalised distinguished name names, known without asking the directory (for a run without census): an
     * object this run read under that name, or else a user Allot holds, not deleted, whose last run read it under that
     * name, unless this run read the user elsewhere (renamed or moved) or the directory told it changed out of scope.
     * A user deleted in the directory since its last run is still answered, as everything a run without census did
     * not read is taken to be in scope until a census finds it gone.
     */
    Optional<ScopeItem> known(String key) {
        String id = idsByKey.get(key);
        if (id != null) {
            return Optional.ofNullable(index.get(id))
                    .filter(ref -> seen.contains(id))
                    .map(ref -> new ScopeItem(ref.kind(), key, id, null));
        }
        if (usersByName == null) {
            usersByName = new HashMap<>();
            for (SyncedRef ref : before) {
                if (ref.kind() == ObjectKind.USER && ref.distinguishedName() != null && !ref.deleted()) {
                    usersByName.put(ref.distinguishedName().toLowerCase(Locale.ROOT), ref);
                }
            }
        }
        SyncedRef ref = usersByName.get(key);
        if (ref == null || seen.contains(ref.immutableId()) || changedElsewhere.contains(ref.immutableId())) {
            return Optional.empty();
        }
        return synced(ref.immutableId())
                .filter(now -> now.id().equals(ref.id()) && !now.deleted())
                .map(now -> new ScopeItem(ObjectKind.USER, key, now.immutableId(), null));
    }

    Optional<SyncedRef> synced(String immutableId) {
        return Optional.ofNullable(index.get(immutableId));
    }

    Optional<String> immutableIdOf(UUID object) {
        return Optional.ofNullable(idsByObject.get(object));
    }

    void remember(SyncedRef ref) {
        index.put(ref.immutableId(), ref);
        idsByObject.put(ref.id(), ref.immutableId());
    }

    /** A group the run counted unchanged whose members changed: it is updated after all. */
    void membersChanged(String groupImmutableId) {
        if (unchangedGroups.remove(groupImmutableId)) {
            tally.unchanged--;
            tally.updated++;
        }
    }

    /** The run's counts and the errors not yet written. */
    static final class Tally {
        int added;
        int updated;
        int deleted;
        int unchanged;
        int errors;
        final List<SyncError> unsaved = new ArrayList<>();

        /** A tally that carries on from these counts. */
        static Tally of(SyncCounts counts) {
            Tally tally = new Tally();
            tally.added = counts.added();
            tally.updated = counts.updated();
            tally.deleted = counts.deleted();
            tally.unchanged = counts.unchanged();
            tally.errors = counts.errors();
            return tally;
        }

        void error(SyncError error) {
            errors++;
            unsaved.add(error);
        }

        void errors(List<SyncError> all) {
            all.forEach(this::error);
        }

        SyncCounts counts() {
            return new SyncCounts(added, updated, deleted, unchanged, errors);
        }
    }
}
