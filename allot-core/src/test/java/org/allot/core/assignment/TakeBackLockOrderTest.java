package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.WORKPLACE_ANALYTICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Subscription;
import org.allot.core.testing.InMemoryAllot;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A take-back locks the seat rows of every product its users touch in SKU order, the product taken back included,
 * like any other unit of work: taking this product's row first and then a lower one its users wait for could deadlock
 * with a unit of work that locks them the other way round.
 */
class TakeBackLockOrderTest {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void theSeatRowsAreLockedInSkuOrder() {
        assertThat(WORKPLACE_ANALYTICS.skuId())
                .as("the other product sorts first")
                .isLessThan(E3.skuId());
        Subscription e3 = contoso.subscribe(E3, 2);
        contoso.subscribe(WORKPLACE_ANALYTICS, 1);
        UserId holder = contoso.user("holder");
        UserId waiter = contoso.user("waiter");
        contoso.assign(holder, E3).value();
        contoso.assign(holder, WORKPLACE_ANALYTICS).value();
        GroupId analysts =
                contoso.aGroup("Analysts").withMembers(waiter).licensedWith(E3).create();
        contoso.licenseGroup(analysts, WORKPLACE_ANALYTICS).value();
        assertThat(contoso.heldSkus(waiter)).containsExactly(E3.skuId());
        assertThat(contoso.waitingFor(WORKPLACE_ANALYTICS)).containsExactly(waiter);
        contoso.setSeats(e3, 1);
        assertThat(contoso.seatsOf(E3).beyondCapacity()).isEqualTo(1);
        InMemoryAllot allot = (InMemoryAllot) contoso.allot;
        allot.seats.locked(contoso.tenant);

        SeatTakeBack.Result result =
                contoso.allot.seatTakeBack().takeBack(contoso.admin, E3.skuId(), SeatTakeBack.Scope.GROUPS_ONLY);

        assertThat(result.takenBack()).containsExactly(waiter);
        List<SkuId> firstLocks = new ArrayList<>();
        allot.seats.locked(contoso.tenant).stream()
                .filter(sku -> !firstLocks.contains(sku))
                .forEach(firstLocks::add);
        assertThat(firstLocks).containsExactly(WORKPLACE_ANALYTICS.skuId(), E3.skuId());
    }
}
