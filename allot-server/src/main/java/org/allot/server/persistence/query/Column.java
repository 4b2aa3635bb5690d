package org.allot.server.persistence.query;

import java.util.Locale;
import java.util.Map;
import org.allot.core.directory.CloudSecurityIdentifiers;
import org.allot.core.query.Property;
import org.allot.server.persistence.JdbcAuditLog;

/**
 * The SQL each property of {@link org.allot.core.query.Entity} reads, by the alias its table has in a query: {@code u}
 * for users, {@code g} for groups, {@code a} for audit records.
 */
record Column(String sql, String scope) {
    private static final String TARGETS =
            "exists (select 1 from json_array_elements(" + JdbcAuditLog.TARGETS + ") t where %s)";

    /** Graph's proxyAddresses of a user: its primary SMTP address, from mail. */
    private static final String USER_ADDRESSES =
            "exists (select 1 from unnest(array['SMTP:' || u.mail]) x where u.mail is not null and %s)";
    /** Groups have no mail here, so no addresses. */
    private static final String GROUP_ADDRESSES = "exists (select 1 from unnest(array[]::text[]) x where %s)";

    /** A user's last sign-in, as set through /allot/v1 (null when none is known). */
    private static final String LAST_SIGN_IN = "(select ua.last_sign_in_at from user_activity ua"
            + " where ua.tenant_id = u.tenant_id and ua.user_id = u.id)";

    /**
     * Graph's onPremisesSyncEnabled: true for a synced object, null for one never synced (Allot stores false), so that
     * {@code eq null} finds cloud objects as in Graph.
     */
    private static String neverSyncedIsNull(String alias) {
        return "nullif(" + alias + ".on_premises_sync_enabled, false)";
    }

    /**
     * Graph's securityIdentifier, computed from the id as {@link org.allot.core.directory.CloudSecurityIdentifiers}
     * does: {@code S-1-12-1-} and the id's 16 bytes as four little-endian unsigned numbers in a GUID's Windows byte
     * order (the first four bytes and the next two pairs are stored big-endian, so they are read as they stand).
     */
    private static String cloudSid(String alias) {
        String b = "uuid_send(" + alias + ".id)";
        return "('" + CloudSecurityIdentifiers.PREFIX + "' || "
                + number(b, 3, 2, 1, 0) + " || '-' || " + number(b, 5, 4, 7, 6) + " || '-' || "
                + number(b, 8, 9, 10, 11) + " || '-' || " + number(b, 12, 13, 14, 15) + ")";
    }

    /** The unsigned number whose bytes, least significant first, are those of {@code bytes} at these offsets. */
    private static String number(String bytes, int... offsets) {
        return "(get_byte(" + bytes + ", " + offsets[0] + ")::bigint + get_byte(" + bytes + ", " + offsets[1]
                + ")::bigint * 256 + get_byte(" + bytes + ", " + offsets[2] + ")::bigint * 65536 + get_byte(" + bytes
                + ", " + offsets[3] + ")::bigint * 16777216)::text";
    }

    private static final String GROUP_TYPES = "exists (select 1 from unnest(g.group_types) c where %s)";

    /** A property of the elements of a collection: conditions on it are wrapped in {@code scope} (with {@code %s}). */
    static Column within(String sql, String scope) {
        return new Column(sql, scope);
    }

    private static final Map<String, Map<String, Column>> BY_ALIAS = Map.of(
            "u",
            Map.ofEntries(
                    Map.entry("id", new Column("u.id", null)),
                    Map.entry("userprincipalname", new Column("u.user_principal_name", null)),
                    Map.entry("displayname", new Column("u.display_name", null)),
                    Map.entry("givenname", new Column("u.given_name", null)),
                    Map.entry("surname", new Column("u.surname", null)),
                    Map.entry("mail", new Column("u.mail", null)),
                    Map.entry("mailnickname", new Column("u.mail_nickname", null)),
                    Map.entry("department", new Column("u.department", null)),
                    Map.entry("jobtitle", new Column("u.job_title", null)),
                    Map.entry("companyname", new Column("u.company_name", null)),
                    Map.entry("city", new Column("u.city", null)),
                    Map.entry("country", new Column("u.country", null)),
                    Map.entry("employeeid", new Column("u.employee_id", null)),
                    Map.entry("usagelocation", new Column("u.usage_location", null)),
                    Map.entry("usertype", new Column("u.user_type", null)),
                    Map.entry("onpremisesimmutableid", new Column("u.on_premises_immutable_id", null)),
                    Map.entry("onpremisessamaccountname", new Column("u.on_premises_sam_account_name", null)),
                    Map.entry("onpremisesuserprincipalname", new Column("u.on_premises_user_principal_name", null)),
                    Map.entry("onpremisessecurityidentifier", new Column("u.on_premises_security_identifier", null)),
                    Map.entry("securityidentifier", new Column(cloudSid("u"), null)),
                    Map.entry("onpremiseslastsyncdatetime", new Column("u.on_premises_last_sync_at", null)),
                    extension(1),
                    extension(2),
                    extension(3),
                    extension(4),
                    extension(5),
                    extension(6),
                    extension(7),
                    extension(8),
                    extension(9),
                    extension(10),
                    extension(11),
                    extension(12),
                    extension(13),
                    extension(14),
                    extension(15),
                    Map.entry("accountenabled", new Column("u.account_enabled", null)),
                    Map.entry("onpremisessyncenabled", new Column(neverSyncedIsNull("u"), null)),
                    Map.entry("createddatetime", new Column("u.created_at", null)),
                    Map.entry("deleteddatetime", new Column("u.deleted_at", null)),
                    Map.entry("signinactivity/lastsignindatetime", new Column(LAST_SIGN_IN, null)),
                    Map.entry("signinactivity/lastsuccessfulsignindatetime", new Column(LAST_SIGN_IN, null)),
                    Map.entry("proxyaddresses/any", Column.within("x", USER_ADDRESSES))),
            "g",
            Map.ofEntries(
                    Map.entry("id", new Column("g.id", null)),
                    Map.entry("displayname", new Column("g.display_name", null)),
                    Map.entry("mailnickname", new Column("g.mail_nickname", null)),
                    Map.entry("mail", new Column("cast(null as text)", null)),
                    Map.entry("description", new Column("g.description", null)),
                    Map.entry("membershiprule", new Column("g.membership_rule", null)),
                    Map.entry("securityenabled", new Column("g.security_enabled", null)),
                    Map.entry("mailenabled", new Column("g.mail_enabled", null)),
                    Map.entry("onpremisessyncenabled", new Column(neverSyncedIsNull("g"), null)),
                    Map.entry("onpremisessamaccountname", new Column("g.on_premises_sam_account_name", null)),
                    Map.entry("onpremisessecurityidentifier", new Column("g.on_premises_security_identifier", null)),
                    Map.entry("onpremiseslastsyncdatetime", new Column("g.on_premises_last_sync_at", null)),
                    Map.entry("createddatetime", new Column("g.created_at", null)),
                    Map.entry("grouptypes/any", Column.within("c", GROUP_TYPES)),
                    Map.entry("proxyaddresses/any", Column.within("x", GROUP_ADDRESSES))),
            "a",
            Map.ofEntries(
                    Map.entry("id", new Column("a.id", null)),
                    Map.entry("activitydisplayname", new Column("a.activity_display", null)),
                    Map.entry("activitydatetime", new Column("a.occurred_at", null)),
                    Map.entry("category", new Column("a.category", null)),
                    Map.entry("correlationid", new Column("a.correlation_id", null)),
                    Map.entry("result", new Column("a.result", null)),
                    Map.entry(
                            "initiatedby/user/id",
                            new Column("(case when a.actor_kind = 'USER' then a.actor_id end)", null)),
                    Map.entry(
                            "initiatedby/user/displayname",
                            new Column("(case when a.actor_kind = 'USER' then a.actor_name end)", null)),
                    Map.entry(
                            "initiatedby/user/userprincipalname",
                            new Column("(case when a.actor_kind = 'USER' then a.actor_id end)", null)),
                    Map.entry(
                            "initiatedby/app/appid",
                            new Column("(case when a.actor_kind <> 'USER' then a.actor_id end)", null)),
                    Map.entry(
                            "initiatedby/app/displayname",
                            new Column("(case when a.actor_kind <> 'USER' then a.actor_name end)", null)),
                    Map.entry("targetresources/any/id", Column.within("t->>'id'", TARGETS)),
                    Map.entry("targetresources/any/displayname", Column.within("t->>'displayName'", TARGETS)),
                    Map.entry("targetresources/any/userprincipalname", Column.within("t->>'displayName'", TARGETS)),
                    Map.entry("targetresources/any/type", Column.within("t->>'type'", TARGETS))));

    /** {@code onPremisesExtensionAttributes/extensionAttribute<n>}: the n-th of the array (null when none is set). */
    private static Map.Entry<String, Column> extension(int n) {
        return Map.entry(
                "onpremisesextensionattributes/extensionattribute" + n,
                new Column("u.extension_attributes[" + n + "]", null));
    }

    static Column of(String alias, Property property) {
        Column column =
                BY_ALIAS.getOrDefault(alias, Map.of()).get(property.name().toLowerCase(Locale.ROOT));
        if (column == null) {
            throw new IllegalArgumentException("no column for " + property.name() + " of " + alias);
        }
        return column;
    }
}
