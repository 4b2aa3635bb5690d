package org.allot.core.unit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryQueries;

/**
 * A unit with its first members and the roles held over it, read in one unit of work: what the admin center's unit
 * page shows. Empty for a unit the caller may not see.
 */
public final class UnitOverview {
    private final Transactions transactions;
    private final UnitDirectory units;
    private final UnitDelegation delegation;

    public UnitOverview(Transactions transactions, UnitDirectory units, UnitDelegation delegation) {
        this.transactions = Objects.requireNonNull(transactions);
        this.units = Objects.requireNonNull(units);
        this.delegation = Objects.requireNonNull(delegation);
    }

    /** A unit, its members (the first {@code members}, after {@code after}) and its roles. */
    public record View(
            AdministrativeUnit unit, List<DirectoryQueries.DirectoryObject> members, List<ScopedRoleMember> roles) {
        public View {
            members = List.copyOf(members);
            roles = List.copyOf(roles);
        }
    }

    public Optional<View> of(Caller caller, UnitId id, UUID after, int members) {
        return transactions.read(() -> units.find(caller, id)
                .map(unit -> new View(
                        unit,
                        units.members(caller, id, after, members).value(),
                        delegation.ofUnit(caller, id).value())));
    }
}
