package org.allot.server.security.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Port: recent failed sign-ins and token requests, shared by every server process of an installation so that all
 * count the same failures. Keys are hashes, and are given back as {@link #key hexadecimal} map keys.
 */
public interface SignInFailures {
    /** How many failures a key has, and when the last one was. */
    record Failures(int count, Instant last) {}

    /** The failures of these keys whose last failure is not before {@code since}, by {@link #key}. */
    Map<String, Failures> of(Collection<byte[]> keys, Instant since);

    /** One more failure for each key at {@code now}; a key whose last failure is before {@code since} starts again. */
    void add(List<byte[]> keys, Instant now, Instant since);

    void clear(byte[] key);

    /** Deletes keys whose last failure is before {@code since}; returns how many. */
    int forget(Instant since);

    /** The map key of a key hash in {@link #of}. */
    static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
