package org.allot.server.security;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes sure a server has the master key the secrets in its database were sealed with, before it seals or opens any:
 * the first server to start records a value derived from its key ({@link MasterKey#checkValue()}); a server with
 * another key refuses to start, instead of sealing new secrets no other server can open.
 */
public final class SecretsKeyCheck {
    private SecretsKeyCheck() {}

    public static void verify(JdbcClient jdbc, MasterKey key, Instant now) {
        jdbc.sql("insert into secrets_key_check (id, check_value, created_at) values (1, ?, ?) on conflict do nothing")
                .params(key.checkValue(), now.atOffset(ZoneOffset.UTC))
                .update();
        String recorded = jdbc.sql("select check_value from secrets_key_check where id = 1")
                .query(String.class)
                .single();
        if (!recorded.equals(key.checkValue())) {
            throw new Mismatch(key);
        }
    }

    /** A server's key is not the one its database's secrets were sealed with: it must not start. */
    public static final class Mismatch extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Mismatch(MasterKey key) {
            super("This server's key that seals secrets (" + key.origin()
                    + ") is not the key the secrets in this database were sealed with.");
        }

        /** What to do about it. */
        public static String action() {
            return "Every server sharing a database needs the same key: set " + MasterKey.PROPERTY
                    + " to the key of the servers already using it (their " + MasterKey.PROPERTY
                    + ", or the content of the file " + MasterKey.FILE
                    + " in the data directory of the server that generated it).";
        }
    }
}
