package org.allot.core.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A bound connection to a directory, read by one run. Searches are paged and complete: a search that cannot finish
 * (the server gone, a size or time limit) throws {@link DirectoryFailure} rather than return part of the scope.
 */
public interface DirectorySession extends AutoCloseable {
    /** The directory's change marker as the session started, for update-sequence delta sync; empty otherwise. */
    Optional<Watermark> marker();

    /** Every object of the kind in scope, with its immutable id (and change time, when the directory tells it). */
    void census(ObjectKind kind, Consumer<ScopeItem> item);

    /**
     * The objects in scope among these entries (normalised distinguished names), as the census would list them: a
     * delta run that leaves the census out resolves the member values of the groups it read this way.
     */
    void censusOf(Collection<String> keys, Consumer<ScopeItem> item);

    /**
     * What the run knows of names without asking the directory, in a run that leaves the census out: the objects it
     * read, and the users Allot holds by the distinguished name their last run read. A session that would otherwise
     * look a member's name up in the directory takes the answer from here; names it gives no answer for are looked up.
     */
    default void knownNames(Function<String, Optional<ScopeItem>> known) {}

    /**
     * The immutable ids of the users and groups that changed since the watermark up to the session's marker wherever
     * they are in the directory, deleted ones included (Active Directory's Deleted Objects, read with the Show Deleted
     * control): those of them a delta run did not read in scope left it. Empty when the directory cannot tell, and
     * then only a census finds deletions.
     */
    default Optional<Set<String>> changedAnywhereSince(Watermark since) {
        return Optional.empty();
    }

    /**
     * Every object of the kind in scope ({@code since} null), or those changed since the watermark, a page at a
     * time. Groups come with all their members, however many.
     */
    void read(ObjectKind kind, Watermark since, Consumer<List<DirectoryEntry>> page);

    /**
     * Every object of the kind in scope, a page at a time, each page with the census of its entries ({@link
     * #census}'s items, in the same order): a full read that is the census too. By default the census is listed
     * first and handed over with the first page.
     */
    default void readAll(ObjectKind kind, BiConsumer<List<DirectoryEntry>, List<ScopeItem>> page) {
        List<ScopeItem> items = new ArrayList<>();
        census(kind, items::add);
        boolean[] first = {true};
        read(kind, null, entries -> {
            page.accept(entries, first[0] ? items : List.of());
            first[0] = false;
        });
        if (first[0]) {
            page.accept(List.of(), items);
        }
    }

    /** The objects of the kind in scope that have these immutable ids. */
    List<DirectoryEntry> readByIds(ObjectKind kind, Collection<String> immutableIds);

    /** The groups in scope that list any of these members (distinguished names), each once. */
    List<DirectoryEntry> groupsWithMembers(Collection<String> memberDns);

    @Override
    void close();
}
