package org.allot.server.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recent failed sign-ins and token requests in the database, so that every server process sharing it counts the same
 * failures. Keys are hashes (see {@link SignInThrottle}).
 */
public final class JdbcSignInFailures {
    /** How many failures a key has, and when the last one was. */
    public record Failures(int count, Instant last) {}

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    public JdbcSignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The failures of these keys whose last failure is not before {@code since}. */
    public Map<String, Failures> of(Collection<byte[]> keys, Instant since) {
        Map<String, Failures> found = new HashMap<>();
        jdbc.sql("select key_hash, failures, last_failure_at from sign_in_failure"
                        + " where key_hash = any (?) and last_failure_at >= ?")
                .params(keys.toArray(new byte[0][]), since.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> found.put(
                        HEX.formatHex(rs.getBytes("key_hash")),
                        new Failures(
                                rs.getInt("failures"),
                                rs.getObject("last_failure_at", OffsetDateTime.class)
                                        .toInstant())))
                .list();
        return found;
    }

    /** One more failure for each key at {@code now}; a key whose last failure is before {@code since} starts again. */
    public void add(List<byte[]> keys, Instant now, Instant since) {
        for (byte[] key : keys) {
            jdbc.sql("""
                            insert into sign_in_failure as f (key_hash, failures, last_failure_at) values (?, 1, ?)
                            on conflict (key_hash) do update set
                                failures = case when f.last_failure_at < ? then 1 else f.failures + 1 end,
                                last_failure_at = greatest(f.last_failure_at, excluded.last_failure_at)""")
                    .params(key, now.atOffset(ZoneOffset.UTC), since.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    public void clear(byte[] key) {
        jdbc.sql("delete from sign_in_failure where key_hash = ?").param(key).update();
    }

    /** Deletes keys whose last failure is before {@code since}; returns how many. */
    public int forget(Instant since) {
        return jdbc.sql("delete from sign_in_failure where last_failure_at < ?")
                .param(since.atOffset(ZoneOffset.UTC))
                .update();
    }

    static String hex(byte[] key) {
        return HEX.formatHex(key);
    }
}
