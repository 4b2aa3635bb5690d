package org.allot.server.persistence;

import java.util.List;
import java.util.Locale;
import org.allot.core.TenantId;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The users whose principal name or mail is on a domain (deleted ones too), for {@link JdbcUsers}. */
record UsersOnDomain(JdbcClient jdbc, TenantId tenant, String domain) {
    private static final String WHERE =
            " where tenant_id = ? and (lower(user_principal_name) like ? or lower(mail) like ?)";

    long count() {
        String suffix = pattern();
        return jdbc.sql("select count(*) from directory_user" + WHERE)
                .params(tenant.value(), suffix, suffix)
                .query(Long.class)
                .single();
    }

    /** The first {@code limit} of them in id order. */
    List<UserId> ids(int limit) {
        String suffix = pattern();
        return jdbc.sql("select id from directory_user" + WHERE + " order by id limit ?")
                .params(tenant.value(), suffix, suffix, limit)
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "id")))
                .list();
    }

    /** The LIKE pattern of addresses on the domain, lower case, its wildcards escaped. */
    private String pattern() {
        return "%@"
                + domain.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_");
    }
}
