package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserRangeTest {
    private final Random random = new Random(7);

    @Test
    void rangesSplitTheIdsAfterACursorSoThatEachIdIsInExactlyOne() {
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(new UserId(new UUID(random.nextLong(), random.nextLong())));
        }
        ids.add(new UserId(new UUID(0, 0)));
        ids.add(new UserId(new UUID(-1L, -1L)));
        ids.add(new UserId(new UUID(Long.MAX_VALUE, -1L)));
        ids.add(new UserId(new UUID(Long.MIN_VALUE, 0)));
        UserId cursor = ids.get(0);

        for (UserId after : new UserId[] {null, cursor}) {
            List<UserRange> ranges = UserRange.split(after, 6);

            assertThat(ranges).hasSize(6);
            assertThat(ranges.get(0).after()).isEqualTo(after);
            assertThat(ranges.get(5).last()).as("the last to the end").isNull();
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i).after()).isEqualTo(ranges.get(i - 1).last());
            }
            for (UserId id : ids) {
                long holding = ranges.stream().filter(r -> r.contains(id)).count();
                boolean toCheck = after == null || id.compareTo(after) > 0;
                assertThat(holding).as(id.toString()).isEqualTo(toCheck ? 1 : 0);
            }
        }
    }

    @Test
    void rangesOfRandomIdsHoldAboutAsManyUsersEach() {
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            ids.add(UserId.random());
        }

        for (UserRange range : UserRange.split(null, 6)) {
            assertThat(ids.stream().filter(range::contains).count()).isBetween(9_000L, 11_000L);
        }
    }

    @Test
    void oneRangeIsEveryUserAfterTheCursor() {
        UserId cursor = UserId.random();

        assertThat(UserRange.split(cursor, 1)).containsExactly(new UserRange(cursor, null));
        assertThat(UserRange.split(null, 1)).containsExactly(UserRange.all());
    }
}
