package org.allot.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.allot.server.security.store.SignInFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing at the admin center's sign-in and at the token endpoint with progressive delays, never a
 * hard lock. Failures are counted per account (a sign-in name or a client id, whether it exists or not), per source
 * address, and per account from one address, in the database that every server process shares. After a key's free
 * failures, its next attempt waits one second, then twice as long after each further failure, up to
 * {@code maxDelay}; failures are forgotten {@code forgetAfter} after the last one. Only attempts that wait are turned
 * away, before any password is checked — so they cost a database read, not a hash.
 *
 * <p>The delay of an account applies only to addresses that have failed for it: its owner, coming from an address
 * without failures, signs in even while the account is under attack from elsewhere. An address that failed too often
 * waits for every account (password spraying). A server process also checks at most {@link #CHECKS_PER_ADDRESS}
 * passwords at once for one address, so a burst of parallel guesses cannot all be hashed before the first failures are
 * counted. Nothing is kept in memory but those checks in flight, and no row is evicted to make room: spraying names
 * cannot lift a delay.
 */
public final class SignInThrottle {
    /** Passwords (or secrets) one process checks at once for one source address. */
    public static final int CHECKS_PER_ADDRESS = 2;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    /**
     * @param perAccountAndAddress failures of one account from one address before that address waits for it
     * @param perAccount failures of one account (from any address) before every address that failed for it waits
     * @param perAddress failures from one address (for any accounts) before it waits for every account
     * @param firstDelay the wait after a key's free failures, doubled after each further one
     * @param maxDelay the longest wait
     * @param forgetAfter how long after the last failure a key's failures are forgotten
     */
    public record Settings(
            int perAccountAndAddress,
            int perAccount,
            int perAddress,
            Duration firstDelay,
            Duration maxDelay,
            Duration forgetAfter) {}

    /**
     * One attempt: where it is made ({@code admin center} or {@code token endpoint}), the account as typed, and the
     * source address.
     */
    public record Attempt(String door, String account, String address) {
        public Attempt {
            account = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
            address = network(address);
        }

        byte[] accountKey() {
            return hash(door + "\n" + account);
        }

        byte[] addressKey() {
            return hash("address\n" + address);
        }

        byte[] pairKey() {
            return hash(door + "\n" + account + "\n" + address);
        }
    }

    private final SignInFailures failures;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Integer> checking = new ConcurrentHashMap<>();
    private final AtomicLong lastPurge = new AtomicLong();

    public SignInThrottle(SignInFailures failures, Settings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the attempt must wait before its password is checked; zero when it may be checked now. */
    public Duration waitFor(Attempt attempt) {
        Instant now = clock.instant();
        byte[] account = attempt.accountKey();
        byte[] address = attempt.addressKey();
        byte[] pair = attempt.pairKey();
        Map<String, SignInFailures.Failures> found =
                failures.of(List.of(account, address, pair), now.minus(settings.forgetAfter()));
        SignInFailures.Failures fromHere = found.get(SignInFailures.key(pair));
        Instant until = later(
                until(fromHere, settings.perAccountAndAddress()),
                until(found.get(SignInFailures.key(address)), settings.perAddress()));
        if (fromHere != null) {
            until = later(until, until(found.get(SignInFailures.key(account)), settings.perAccount()));
        }
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    /**
     * Claims one of the address's password checks in this process; false when {@link #CHECKS_PER_ADDRESS} are under
     * way. A claim is given back with {@link #checked}.
     */
    public boolean check(Attempt attempt) {
        boolean[] claimed = {false};
        checking.compute(attempt.address(), (address, count) -> {
            int now = count == null ? 0 : count;
            claimed[0] = now < CHECKS_PER_ADDRESS;
            return claimed[0] ? now + 1 : now;
        });
        return claimed[0];
    }

    public void checked(Attempt attempt) {
        checking.computeIfPresent(attempt.address(), (address, count) -> count <= 1 ? null : count - 1);
    }

    /** Counts a failed attempt (a wrong password or secret, an unknown account). */
    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.forgetAfter());
        failures.add(List.of(attempt.pairKey(), attempt.accountKey(), attempt.addressKey()), now, since);
        Duration wait = waitFor(attempt);
        log.warn(
                "Failed sign-in at the {} for '{}' from {}; next attempt in {} s",
                attempt.door(),
                attempt.account(),
                attempt.address(),
                wait.isZero() ? 0 : SignInForm.seconds(wait));
        long last = lastPurge.get();
        if (now.toEpochMilli() - last > PURGE_EVERY.toMillis() && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            failures.forget(since);
        }
    }

    /** A successful attempt clears the failures of the account from that address (not the account's, nor the address's). */
    public void succeeded(Attempt attempt) {
        failures.clear(attempt.pairKey());
    }

    /** The end of a key's delay, or null when it has none. */
    private Instant until(SignInFailures.Failures key, int free) {
        if (key == null || key.count() < free) {
            return null;
        }
        int doublings = Math.min(key.count() - free, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return key.last().plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** An IPv4 address as it is; an IPv6 address by its /64 network, which one client can hold whole. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
