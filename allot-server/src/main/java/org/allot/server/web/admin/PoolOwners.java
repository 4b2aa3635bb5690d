package org.allot.server.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.unit.AdministrativeUnit;

/**
 * The names of the owners of a product's pools, as its page shows them: the units' from the units the caller sees, the
 * groups' as the directory names them within the caller's scope. An owner the caller may not see goes unnamed.
 */
public final class PoolOwners {
    private final DirectorySearch search;

    public PoolOwners(DirectorySearch search) {
        this.search = Objects.requireNonNull(search);
    }

    /** Each owner's id (as text) with its name; empty when the product has no pools. */
    public Map<String, String> names(Caller caller, PoolFigures pools, List<AdministrativeUnit> units) {
        Map<String, String> names = new HashMap<>();
        if (pools == null) {
            return names;
        }
        units.forEach(u -> names.put(u.id().value().toString(), u.displayName()));
        for (PoolFigures.Pool pool : pools.pools()) {
            Allotment.Owner owner = pool.allotment().owner();
            String id = owner.id().toString();
            if (owner.kind() == Allotment.Kind.GROUP && !names.containsKey(id)) {
                Outcome<DirectorySearch.Found> found = search.member(caller, id);
                if (found.isDone()) {
                    names.put(id, found.value().name());
                }
            }
        }
        return names;
    }
}
