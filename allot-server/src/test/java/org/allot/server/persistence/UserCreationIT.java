package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.audit.Activity;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Creating a user is one insert that tolerates a taken principal name: a name taken in any case, even by a request
 * running at the same moment, is refused with Graph's error and writes nothing, never fails with a duplicate key.
 */
class UserCreationIT {
    private final Scenario contoso = Scenario.contoso();

    @Test
    void aTakenNameInAnyCaseIsRefusedAndWritesNothing() {
        contoso.allot
                .userDirectory()
                .create(contoso.admin, values("ada@contoso.com"))
                .value();

        Outcome<User> again = contoso.allot.userDirectory().create(contoso.admin, values("ADA@Contoso.COM"));

        assertThat(again.rejection().code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(contoso.audit(Activity.ADD_USER)).hasSize(1);
    }

    @Test
    void ofConcurrentCreationsOfOneNameOneSucceedsAndTheOthersAreRefused() throws Exception {
        int clients = 8;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Outcome<User>>> outcomes = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String name = c % 2 == 0 ? "grace@contoso.com" : "Grace@Contoso.com";
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return contoso.allot.userDirectory().create(contoso.admin, values(name));
                }));
            }
            int created = 0;
            int refused = 0;
            for (Future<Outcome<User>> outcome : outcomes) {
                Outcome<User> o = outcome.get();
                if (o.isDone()) {
                    created++;
                } else {
                    assertThat(o.rejection().code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    refused++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(refused).isEqualTo(clients - 1);
            assertThat(contoso.audit(Activity.ADD_USER)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<UserAttribute, Object> values(String upn) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, upn);
        values.put(UserAttribute.DISPLAY_NAME, "Someone");
        return values;
    }
}
