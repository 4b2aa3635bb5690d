package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.allot.server.security.store.SigningKeyRow;
import org.allot.server.security.store.StoredSigningKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The token-signing keys' rows (table {@code signing_key}), as security seals them. */
public final class JdbcSigningKeys implements StoredSigningKeys {
    private final JdbcClient jdbc;

    public JdbcSigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SigningKeyRow> verifying(Instant since) {
        return jdbc.sql("""
                        select id, jwk, created_at, retired_at from signing_key
                         where retired_at is null or retired_at > ? order by created_at desc, id""")
                .param(since.atOffset(ZoneOffset.UTC))
                .query(JdbcSigningKeys::map)
                .list();
    }

    @Override
    public void addFirst(String id, String jwk, Instant now) {
        jdbc.sql("insert into signing_key (id, jwk, created_at) values (?, ?, ?) on conflict do nothing")
                .params(id, jwk, now.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public void rotate(String id, String jwk, Instant now, Instant forgetBefore) {
        jdbc.sql("lock table signing_key in share row exclusive mode").update();
        jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
                .param(now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("insert into signing_key (id, jwk, created_at) values (?, ?, ?)")
                .params(id, jwk, now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("delete from signing_key where retired_at < ?")
                .param(forgetBefore.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public List<SigningKeyRow> inTheClear() {
        return jdbc.sql("select id, jwk from signing_key where jwk like '{%'")
                .query((rs, i) -> new SigningKeyRow(rs.getString("id"), rs.getString("jwk"), null, null))
                .list();
    }

    @Override
    public boolean replace(String id, String expected, String jwk) {
        return jdbc.sql("update signing_key set jwk = ? where id = ? and jwk = ?")
                        .params(jwk, id, expected)
                        .update()
                > 0;
    }

    private static SigningKeyRow map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
        return new SigningKeyRow(
                rs.getString("id"),
                rs.getString("jwk"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                retired == null ? null : retired.toInstant());
    }
}
