package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.JdbcSignInFailures;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins slow the guesser, not the owner: progressive delays per account from an address, per account and per
 * address, counted in the database so that every server process sees them, and never a hard lock.
 */
class SignInThrottleIT {
    private static final SignInThrottle.Settings SETTINGS =
            new SignInThrottle.Settings(3, 10, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.shared());
    private final MutableClock clock = MutableClock.startingAt("2026-11-24T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new JdbcSignInFailures(jdbc), SETTINGS, clock);
    private final String account = "admin-" + UUID.randomUUID() + "@contoso.com";

    @Test
    void delaysDoubleAfterTheFreeFailuresUpToTheLongestAndAreForgotten() {
        SignInThrottle.Attempt guess = attempt(account, attacker());
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor(guess)).isZero();
            throttle.failed(guess);
        }
        assertThat(throttle.waitFor(guess)).satisfies(about(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed(guess);
        assertThat(throttle.waitFor(guess)).satisfies(about(Duration.ofSeconds(2)));
        for (int i = 0; i < 12; i++) {
            throttle.failed(guess);
        }
        assertThat(throttle.waitFor(guess)).as("at most 15 minutes").satisfies(about(Duration.ofMinutes(15)));
        assertThat(throttle.waitFor(attempt(" " + account.toUpperCase(java.util.Locale.ROOT), guess.address())))
                .as("the account as typed, in any case")
                .satisfies(about(Duration.ofMinutes(15)));

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(throttle.waitFor(guess))
                .as("forgotten an hour after the last failure")
                .isZero();
    }

    @Test
    void theOwnerFromAnotherAddressSignsInWhileTheAttackerWaits() {
        String attacker = attacker();
        for (int i = 0; i < 40; i++) {
            throttle.failed(attempt(account, attacker));
        }

        assertThat(throttle.waitFor(attempt(account, attacker))).isPositive();
        assertThat(throttle.waitFor(attempt(account, "192.0.2.10")))
                .as("the owner, from an address that has not failed for the account")
                .isZero();
    }

    @Test
    void aDistributedGuessHoldsUpOnlyTheAddressesThatFailedForTheAccount() {
        for (int i = 1; i <= 12; i++) {
            throttle.failed(attempt(account, "198.51.100." + i));
        }

        assertThat(throttle.waitFor(attempt(account, "198.51.100.1")))
                .as("one failure from this address, but the account has twelve")
                .satisfies(about(Duration.ofSeconds(4)));
        assertThat(throttle.waitFor(attempt(account, "192.0.2.10")))
                .as("the owner elsewhere")
                .isZero();
        assertThat(throttle.waitFor(attempt("someone-else@contoso.com", "198.51.100.1")))
                .as("other accounts from those addresses")
                .isZero();
    }

    @Test
    void anAddressThatTriesManyAccountsWaitsForEveryAccount() {
        String sprayer = attacker();
        for (int i = 0; i < 20; i++) {
            throttle.failed(attempt("user" + i + "-" + account, sprayer));
        }

        assertThat(throttle.waitFor(attempt("never-tried-" + account, sprayer)))
                .satisfies(about(Duration.ofSeconds(1)));
        assertThat(throttle.waitFor(attempt("never-tried-" + account, attacker())))
                .isZero();
    }

    @Test
    void sprayingThousandsOfNamesDoesNotLiftADelay() {
        SignInThrottle throttle = new SignInThrottle(
                new JdbcSignInFailures(jdbc), SETTINGS, Clock.fixed(clock.instant(), ZoneOffset.UTC));
        String attacker = attacker();
        for (int i = 0; i < 5; i++) {
            throttle.failed(attempt(account, attacker));
        }
        Duration before = throttle.waitFor(attempt(account, attacker));
        for (int i = 0; i < 3_000; i++) {
            throttle.failed(attempt("spray" + i + "-" + account, "203.0." + (i / 250) + "." + (i % 250)));
        }

        assertThat(throttle.waitFor(attempt(account, attacker)))
                .isEqualTo(before)
                .isPositive();
        String newcomer = "new-" + account;
        for (int i = 0; i < 3; i++) {
            throttle.failed(attempt(newcomer, attacker));
        }
        assertThat(throttle.waitFor(attempt(newcomer, attacker)))
                .as("a name first guessed after the spray is counted too")
                .isPositive();
    }

    @Test
    void aSuccessClearsTheAccountFromThatAddressOnly() {
        String here = attacker();
        for (int i = 0; i < 12; i++) {
            throttle.failed(attempt(account, "198.51.101." + i));
        }
        for (int i = 0; i < 3; i++) {
            throttle.failed(attempt(account, here));
        }
        assertThat(throttle.waitFor(attempt(account, here))).isPositive();

        throttle.succeeded(attempt(account, here));

        assertThat(throttle.waitFor(attempt(account, here))).isZero();
        assertThat(throttle.waitFor(attempt(account, "198.51.101.1")))
                .as("the others still wait")
                .isPositive();
    }

    @Test
    void everyProcessSeesTheFailuresOfTheOthers() {
        SignInThrottle other = new SignInThrottle(new JdbcSignInFailures(jdbc), SETTINGS, clock);
        String attacker = attacker();
        for (int i = 0; i < 3; i++) {
            throttle.failed(attempt(account, attacker));
        }

        assertThat(other.waitFor(attempt(account, attacker))).satisfies(about(Duration.ofSeconds(1)));
    }

    @Test
    void aProcessChecksAtMostTwoPasswordsAtOnceForOneAddress() {
        SignInThrottle.Attempt guess = attempt(account, attacker());

        assertThat(throttle.check(guess)).isTrue();
        assertThat(throttle.check(guess)).isTrue();
        assertThat(throttle.check(guess)).isFalse();
        assertThat(throttle.check(attempt(account, attacker())))
                .as("another address")
                .isTrue();
        throttle.checked(guess);
        assertThat(throttle.check(guess)).isTrue();
    }

    @Test
    void anIpv6ClientIsKnownByItsNetwork() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(attempt(account, "2001:db8:1:2::" + Integer.toHexString(i + 1)));
        }

        assertThat(throttle.waitFor(attempt(account, "2001:db8:1:2:ffff::9"))).isPositive();
        assertThat(throttle.waitFor(attempt(account, "2001:db8:1:3::1"))).isZero();
    }

    /** The delay, give or take the milliseconds the test clock moves on each reading. */
    private static java.util.function.Consumer<Duration> about(Duration expected) {
        return actual -> assertThat(actual).isBetween(expected.minusMillis(100), expected);
    }

    private static SignInThrottle.Attempt attempt(String account, String address) {
        return new SignInThrottle.Attempt("admin center", account, address);
    }

    /** An address of its own for each use, so tests sharing the database do not meet. */
    private static String attacker() {
        UUID random = UUID.randomUUID();
        return "10." + (random.getLeastSignificantBits() & 0xff) + "."
                + ((random.getLeastSignificantBits() >> 8) & 0xff) + "."
                + ((random.getLeastSignificantBits() >> 16) & 0xff);
    }
}
