package org.allot.core.assignment;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.allot.core.testing.TestCatalog.WORKPLACE_ANALYTICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Subscription;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of everything that moves seats, checking after every step that the seat figures agree with the
 * assignments, that no seat is handed out beyond capacity, and that no free seat is left while users wait.
 */
class SeatInvariantsTest {
    private static final List<Product> PRODUCTS = List.of(E3, EMS, WORKPLACE_ANALYTICS);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void seatFiguresAlwaysMatchTheAssignments(long seed) {
        Random random = new Random(seed);
        Scenario contoso = random.nextBoolean() ? Scenario.contoso() : Scenario.contosoWithBackgroundJobs();
        List<Subscription> subscriptions = new ArrayList<>();
        for (Product p : PRODUCTS) {
            subscriptions.add(contoso.subscribe(p, random.nextInt(4)));
        }
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(i % 5 == 0 ? contoso.aUser("guest" + i).guest().create() : contoso.user("user" + i));
        }
        List<GroupId> groups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            groups.add(contoso.aGroup("group" + i).create());
        }
        for (int step = 0; step < 150; step++) {
            UserId user = users.get(random.nextInt(users.size()));
            GroupId group = groups.get(random.nextInt(groups.size()));
            Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            switch (random.nextInt(11)) {
                case 0, 1 -> contoso.join(group, user);
                case 2 -> contoso.leave(group, user);
                case 3 -> contoso.licenseGroup(group, product);
                case 4 -> contoso.unlicenseGroup(group, product);
                case 5 ->
                    contoso.assign(
                            user,
                            product,
                            random.nextBoolean()
                                    ? new org.allot.core.catalog.ServicePlan[0]
                                    : new org.allot.core.catalog.ServicePlan[] {SWAY});
                case 6 -> contoso.remove(user, product);
                case 7 -> {
                    int index = PRODUCTS.indexOf(product);
                    subscriptions.set(index, contoso.setSeats(subscriptions.get(index), random.nextInt(6)));
                }
                case 8 -> contoso.nest(group, groups.get(random.nextInt(groups.size())));
                case 9 -> contoso.update(user, UserAttribute.USAGE_LOCATION, random.nextBoolean() ? "SE" : "CN");
                default -> {
                    if (random.nextBoolean()) {
                        contoso.allot.userDirectory().delete(contoso.admin, user);
                    } else {
                        contoso.allot.userDirectory().restore(contoso.admin, user);
                    }
                }
            }
            contoso.runJobs();
            for (Product p : PRODUCTS) {
                SeatCount seats = contoso.seatsOf(p);
                assertThat(seats.consumed())
                        .as("seed %d step %d: %s consumed vs holders", seed, step, p.skuPartNumber())
                        .isEqualTo((int) contoso.usersHolding(p));
                assertThat(seats.waiting())
                        .as("seed %d step %d: %s waiting figure", seed, step, p.skuPartNumber())
                        .isEqualTo(contoso.waitingFor(p).size());
                if (seats.waiting() > 0) {
                    assertThat(seats.available())
                            .as("seed %d step %d: %s has free seats while users wait", seed, step, p.skuPartNumber())
                            .isZero();
                }
            }
        }
    }
}
