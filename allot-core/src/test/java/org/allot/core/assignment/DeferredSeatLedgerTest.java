package org.allot.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.allot.core.ConcurrentChange;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.LicenseUnits;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;
import org.junit.jupiter.api.Test;

/**
 * A deferred seat ledger decides on figures read without a lock, locks the seat rows it touched only when it
 * settles, and replays what it did on the locked figures: it writes what the locked figures plus its steps make, and
 * gives up (to be run again) when a seat it took or was refused would now be refused or taken.
 */
class DeferredSeatLedgerTest {
    private static final TenantId TENANT = TenantId.random();
    private static final SkuId E3 = new SkuId(UUID.fromString("00000000-0000-0000-0000-0000000000e3"));
    private static final SkuId E5 = new SkuId(UUID.fromString("00000000-0000-0000-0000-0000000000e5"));

    private final RecordingSeats seats = new RecordingSeats();
    private final UserId alice = UserId.random();

    @Test
    void decidesWithoutLockingAndLocksTheTouchedRowsLastInSkuOrder() {
        seats.stored.put(E5, seats(10, 3, 0));
        seats.stored.put(E3, seats(10, 3, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);

        assertThat(ledger.tryTake(E5, alice, false)).isTrue();
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        assertThat(seats.locked).isEmpty();

        ledger.flush();

        assertThat(seats.locked).containsExactly(E3, E5);
        assertThat(seats.saved).containsOnlyKeys(E3, E5);
    }

    @Test
    void writesTheLockedFiguresPlusItsStepsWhenOthersChangedThemMeanwhile() {
        seats.stored.put(E3, seats(10, 3, 1));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        ledger.leaveQueue(E3);
        seats.stored.put(E3, seats(10, 6, 2)); // three seats taken and one more waiting, committed meanwhile

        ledger.flush();

        assertThat(seats.saved.get(E3)).isEqualTo(seats(10, 7, 1));
        assertThat(ledger.figures().get(E3)).isEqualTo(seats(10, 7, 1));
    }

    @Test
    void givesUpWhenTheLastSeatWasTakenMeanwhile() {
        seats.stored.put(E3, seats(4, 3, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        seats.stored.put(E3, seats(4, 4, 0));

        assertThatThrownBy(ledger::flush).isInstanceOf(ConcurrentChange.class);
        assertThat(seats.saved).isEmpty();
    }

    @Test
    void givesUpWhenASeatItWasRefusedWasFreedMeanwhile() {
        seats.stored.put(E3, seats(4, 4, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);
        assertThat(ledger.tryTake(E3, alice, false)).isFalse();
        ledger.joinQueue(E3);
        seats.stored.put(E3, seats(4, 3, 0));

        assertThatThrownBy(ledger::flush).isInstanceOf(ConcurrentChange.class);
        assertThat(seats.saved).isEmpty();
    }

    @Test
    void aNewcomerIsRefusedOnReplayWhenSomeoneStartedWaitingMeanwhile() {
        seats.stored.put(E3, seats(4, 3, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        seats.stored.put(E3, seats(4, 3, 1)); // the free seat is now owed to a waiting user

        assertThatThrownBy(ledger::flush).isInstanceOf(ConcurrentChange.class);
    }

    @Test
    void anAdmittedUserKeepsTheSeatAnotherStartedWaitingFor() {
        seats.stored.put(E3, seats(4, 3, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);
        ledger.admit(E3, List.of(alice));
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        seats.stored.put(E3, seats(4, 3, 1));

        ledger.flush();

        assertThat(seats.saved.get(E3)).isEqualTo(seats(4, 4, 1));
    }

    @Test
    void afterTheReplayItLocksLikeAnOrdinaryLedger() {
        seats.stored.put(E3, seats(2, 2, 1));
        seats.stored.put(E5, seats(2, 0, 1));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);
        ledger.release(E3);

        assertThat(ledger.owing()).containsExactly(E3);
        assertThat(seats.locked).containsExactly(E3);
        assertThat(ledger.count(E5)).isEqualTo(seats(2, 0, 1));
        assertThat(seats.locked).containsExactly(E3, E5);
    }

    @Test
    void aLedgerThatTookNoStepLocksNothing() {
        seats.stored.put(E3, seats(2, 1, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, seats);

        ledger.flush();

        assertThat(seats.locked).isEmpty();
        assertThat(seats.saved).isEmpty();
        assertThat(ledger.figures()).containsEntry(E3, seats(2, 1, 0));
    }

    @Test
    void whereThePortCanItLocksAndWritesInOneStepAndReplaysOnTheFiguresAsLocked() {
        FusingSeats fusing = new FusingSeats();
        fusing.stored.put(E3, seats(10, 3, 1));
        SeatLedger ledger = SeatLedger.deferred(TENANT, fusing);
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        ledger.leaveQueue(E3);
        fusing.stored.put(E3, seats(10, 6, 2));

        ledger.flush();

        assertThat(fusing.locked).containsExactly(E3);
        assertThat(fusing.saved).isEmpty();
        assertThat(fusing.stored.get(E3)).isEqualTo(seats(10, 7, 1));
        assertThat(ledger.figures().get(E3)).isEqualTo(seats(10, 7, 1));
    }

    @Test
    void inOneStepTooItGivesUpWhenTheLastSeatWasTakenMeanwhile() {
        FusingSeats fusing = new FusingSeats();
        fusing.stored.put(E3, seats(4, 3, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, fusing);
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        fusing.stored.put(E3, seats(4, 4, 0));

        assertThatThrownBy(ledger::flush).isInstanceOf(ConcurrentChange.class);
    }

    @Test
    void newcomersTakeTheirSeatsWithTheCommitWhenNobodyWaits() {
        CommittingSeats committing = new CommittingSeats();
        committing.stored.put(E5, seats(10, 3, 0));
        committing.stored.put(E3, seats(10, 3, 0));
        SeatLedger ledger = SeatLedger.deferred(TENANT, committing);
        assertThat(ledger.tryTake(E5, alice, false)).isTrue();
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();
        assertThat(ledger.tryTake(E3, UserId.random(), false)).isTrue();

        ledger.flush();

        assertThat(committing.atCommit).containsExactly(Map.entry(E3, 2), Map.entry(E5, 1));
        assertThat(committing.locked).isEmpty();
        assertThat(committing.saved).isEmpty();
        assertThat(ledger.figures()).containsEntry(E3, seats(10, 5, 0)).containsEntry(E5, seats(10, 4, 0));
    }

    @Test
    void whenSomeoneWaitsANewcomersSeatIsTakenUnderTheLockAsBefore() {
        CommittingSeats committing = new CommittingSeats();
        committing.stored.put(E3, seats(10, 3, 1));
        SeatLedger ledger = SeatLedger.deferred(TENANT, committing);
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();

        ledger.flush();

        assertThat(committing.atCommit).isEmpty();
        assertThat(committing.locked).containsExactly(E3);
        assertThat(committing.stored.get(E3)).isEqualTo(seats(10, 4, 1));
    }

    @Test
    void anAdmittedUsersSeatAndAnyOtherStepAreTakenUnderTheLockForEverySku() {
        CommittingSeats committing = new CommittingSeats();
        committing.stored.put(E3, seats(10, 3, 0));
        committing.stored.put(E5, seats(10, 3, 0));
        SeatLedger admitting = SeatLedger.deferred(TENANT, committing);
        admitting.admit(E3, List.of(alice));
        assertThat(admitting.tryTake(E3, alice, false)).isTrue();
        admitting.flush();
        SeatLedger releasing = SeatLedger.deferred(TENANT, committing);
        assertThat(releasing.tryTake(E3, UserId.random(), false)).isTrue();
        releasing.release(E5);
        releasing.flush();

        assertThat(committing.atCommit).isEmpty();
        assertThat(committing.locked).containsExactly(E3, E3, E5);
        assertThat(committing.stored).containsEntry(E3, seats(10, 5, 0)).containsEntry(E5, seats(10, 2, 0));
    }

    @Test
    void figuresOnlyReadBeforeTheCommitsSeatsAreLockedWhenReadAgain() {
        CommittingSeats committing = new CommittingSeats();
        committing.stored.put(E3, seats(10, 3, 0));
        committing.stored.put(E5, seats(2, 0, 1));
        SeatLedger ledger = SeatLedger.deferred(TENANT, committing);
        assertThat(ledger.count(E5)).isEqualTo(seats(2, 0, 1));
        assertThat(ledger.tryTake(E3, alice, false)).isTrue();

        assertThat(ledger.owing()).isEmpty();
        committing.stored.put(E5, seats(2, 1, 1));

        assertThat(ledger.count(E5)).isEqualTo(seats(2, 1, 1));
        assertThat(committing.locked).containsExactly(E5);
        assertThatThrownBy(() -> ledger.release(E3)).isInstanceOf(IllegalStateException.class);
    }

    private static SeatCount seats(int enabled, int consumed, int waiting) {
        return new SeatCount(new LicenseUnits(enabled, 0, 0, 0), consumed, waiting);
    }

    /** Seat figures that remember which rows were locked, in order, and what was written. */
    private static class RecordingSeats implements Seats {
        final Map<SkuId, SeatCount> stored = new HashMap<>();
        final List<SkuId> locked = new ArrayList<>();
        final Map<SkuId, SeatCount> saved = new HashMap<>();

        @Override
        public SeatCount lock(TenantId tenant, SkuId sku) {
            locked.add(sku);
            return stored.getOrDefault(sku, SeatCount.EMPTY);
        }

        @Override
        public void save(TenantId tenant, SkuId sku, SeatCount count) {
            saved.put(sku, count);
        }

        @Override
        public Map<SkuId, SeatCount> all(TenantId tenant) {
            return new HashMap<>(stored);
        }
    }

    /** Seat figures that take newcomers' seats with the commit, as the database's adapter does. */
    private static final class CommittingSeats extends FusingSeats {
        final Map<SkuId, Integer> atCommit = new TreeMap<>();

        @Override
        public boolean takeAtCommit(TenantId tenant, Map<SkuId, Integer> taken) {
            atCommit.putAll(taken);
            return true;
        }
    }

    /** Seat figures that lock and add in one step, as the database's adapter does. */
    private static class FusingSeats extends RecordingSeats {
        @Override
        public Optional<SeatCount> lockAdding(TenantId tenant, SkuId sku, int consumed, int waiting) {
            locked.add(sku);
            SeatCount before = stored.getOrDefault(sku, SeatCount.EMPTY);
            stored.put(sku, before.withConsumed(before.consumed() + consumed).withWaiting(before.waiting() + waiting));
            return Optional.of(before);
        }
    }
}
