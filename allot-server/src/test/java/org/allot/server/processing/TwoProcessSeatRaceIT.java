package org.allot.server.processing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.allot.core.Outcome;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.JavaProcess;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes sharing one database race for the same last seats; the database keeps the count right. */
class TwoProcessSeatRaceIT {
    @TempDir
    Path temp;

    @Test
    void twoProcessesNeverHandOutMoreSeatsThanThereAre() throws Exception {
        Scenario contoso = Scenario.contoso();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        contoso.subscribe(E3, 20);
        GroupId group = contoso.aGroup("Everyone").licensedWith(E3).create();
        List<UserId> mine = contoso.users("here", 60);
        List<UserId> theirs = contoso.users("there", 60);
        Path file = temp.resolve("users.txt");
        Files.writeString(file, theirs.stream().map(UserId::toString).collect(Collectors.joining("\n")));

        try (JavaProcess other = JavaProcess.start(
                "org.allot.server.testing.SeatRacer",
                List.of(
                        TestDatabase.jdbcUrl("postgres"),
                        contoso.tenant.toString(),
                        E3.skuId().toString(),
                        group.toString(),
                        file.toString()))) {
            other.await("READY", Duration.ofSeconds(60));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            AtomicInteger granted = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            other.send("go");
            for (int i = 0; i < mine.size(); i++) {
                UserId u = mine.get(i);
                boolean direct = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    if (direct) {
                        Outcome<?> o = allot.work().run(() -> allot.licensing()
                                .users()
                                .assign(contoso.admin, u, List.of(AssignedLicense.of(E3.skuId())), List.of(), false));
                        if (o.isDone()) {
                            granted.incrementAndGet();
                        }
                    } else {
                        allot.work()
                                .run(() -> allot.groupDirectory().addMember(contoso.admin, group, Member.user(u)))
                                .value();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            String tally = other.await("GRANTED", Duration.ofMinutes(2));
            assertThat(other.waitFor(Duration.ofSeconds(30))).isZero();
            assertThat(tally).contains("JOINED 30");
        }

        SeatCount seats = contoso.seatsOf(E3);
        assertThat(seats.consumed()).isEqualTo(20);
        assertThat(contoso.usersHolding(E3)).isEqualTo(20);
        assertThat(seats.waiting()).isEqualTo(contoso.waitingFor(E3).size());
        long groupMembers = 60;
        long directHolders = contoso.allot.allAssignments(contoso.tenant).stream()
                .filter(a -> a.source().isDirect())
                .count();
        assertThat(directHolders).isLessThanOrEqualTo(20);
        assertThat(seats.waiting()).isEqualTo((int) (groupMembers - (20 - directHolders)));
    }
}
