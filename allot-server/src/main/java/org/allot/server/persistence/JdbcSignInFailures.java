package org.allot.server.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.SignInFailures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recent failed sign-ins and token requests in the database, so that every server process sharing it counts the same
 * failures. Keys are hashes.
 */
public final class JdbcSignInFailures implements SignInFailures {
    private final JdbcClient jdbc;

    public JdbcSignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Failures> of(Collection<byte[]> keys, Instant since) {
        Map<String, Failures> found = new HashMap<>();
        jdbc.sql("select key_hash, failures, last_failure_at from sign_in_failure"
                        + " where key_hash = any (?) and last_failure_at >= ?")
                .params(keys.toArray(new byte[0][]), since.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> found.put(
                        SignInFailures.key(rs.getBytes("key_hash")),
                        new Failures(
                                rs.getInt("failures"),
                                rs.getObject("last_failure_at", OffsetDateTime.class)
                                        .toInstant())))
                .list();
        return found;
    }

    @Override
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

    @Override
    public void clear(byte[] key) {
        jdbc.sql("delete from sign_in_failure where key_hash = ?").param(key).update();
    }

    @Override
    public int forget(Instant since) {
        return jdbc.sql("delete from sign_in_failure where last_failure_at < ?")
                .param(since.atOffset(ZoneOffset.UTC))
                .update();
    }
}
