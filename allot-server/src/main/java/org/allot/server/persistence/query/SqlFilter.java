package org.allot.server.persistence.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.server.persistence.AssignmentSql;
import org.allot.server.persistence.JdbcAuditLog;

/** Turns a {@link Filter} into a SQL condition whose values are all bound parameters, never spliced in. */
final class SqlFilter {
    /** The states in which an assignment holds a seat, as the engine defines them. */
    static final String HOLDING = AssignmentSql.HOLDING;

    private final Map<String, Object> params;
    private final String alias;

    SqlFilter(Map<String, Object> params, String alias) {
        this.params = params;
        this.alias = alias;
    }

    String condition(Filter filter) {
        if (filter instanceof Filter.And and) {
            return join(and.parts(), " and ");
        }
        if (filter instanceof Filter.Or or) {
            return join(or.parts(), " or ");
        }
        if (filter instanceof Filter.Not not) {
            // OData: a comparison with a missing value is false, so its negation is true (never SQL's unknown)
            return "not coalesce((" + condition(not.inner()) + "), false)";
        }
        if (filter instanceof Filter.Compare compare) {
            return scoped(compare.property(), compare(compare));
        }
        if (filter instanceof Filter.StartsWith starts) {
            return scoped(
                    starts.property(),
                    "lower(" + column(starts.property()) + ") like " + bind(escape(starts.prefix()) + "%")
                            + " escape '\\'");
        }
        if (filter instanceof Filter.EndsWith ends) {
            return scoped(
                    ends.property(),
                    "lower(" + column(ends.property()) + ") like " + bind("%" + escape(ends.suffix()))
                            + " escape '\\'");
        }
        if (filter instanceof Filter.Search search) {
            return scoped(search.property(), search(search));
        }
        if (filter instanceof Filter.MemberOf member) {
            return memberOf(member);
        }
        if (filter instanceof Filter.HasMember has) {
            return hasMember(has);
        }
        if (filter instanceof Filter.In in) {
            List<Object> values = new ArrayList<>();
            for (Object v : in.values()) {
                values.add(v instanceof String s ? s.toLowerCase(Locale.ROOT) : v);
            }
            return scoped(in.property(), valueOf(in.property()) + " = any(" + bind(array(in.property(), values)) + ")");
        }
        if (filter instanceof Filter.HasLicense has) {
            return licenses() + " and a.sku_id = " + bind(has.sku()) + ")";
        }
        if (filter instanceof Filter.HasPlan has) {
            if (alias.equals("g")) {
                throw new IllegalArgumentException("groups have no assignedPlans");
            }
            // a license of one of the SKUs, in which one of the SKU's plans that answer the lambda is not disabled
            UUID[] skus =
                    has.held().stream().map(Filter.PlanInSku::sku).distinct().toArray(UUID[]::new);
            return licenses() + " and a.sku_id = any(" + bind(skus) + ") and exists (select 1 from unnest(cast("
                    + bind(has.held().stream().map(Filter.PlanInSku::sku).toArray(UUID[]::new)) + " as uuid[]), cast("
                    + bind(has.held().stream().map(Filter.PlanInSku::plan).toArray(UUID[]::new))
                    + " as uuid[])) as p(sku, plan) where p.sku = a.sku_id and not (p.plan = any(a.disabled_plans))))";
        }
        if (filter instanceof Filter.HasAnyLicense) {
            return licenses() + ")";
        }
        if (filter instanceof Filter.LicenseCount count) {
            String n = "(select count(distinct a.sku_id) from license_assignment a where a.tenant_id = " + alias
                    + ".tenant_id and " + owner() + " and a.state in " + HOLDING + ")";
            if (alias.equals("g")) {
                n = "(select count(*) from group_license a where a.tenant_id = g.tenant_id and a.group_id = g.id)";
            }
            return n + " " + sql(count.operator()) + " " + bind(count.count());
        }
        if (filter instanceof Filter.HasLicenseErrors) {
            return "exists (select 1 from license_assignment a where a.tenant_id = u.tenant_id and a.user_id = u.id"
                    + " and a.error is not null)";
        }
        if (filter instanceof Filter.LicenseProblem problem) {
            if (alias.equals("g")) {
                throw new IllegalArgumentException("groups have no license errors of their own");
            }
            return "exists (select 1 from license_assignment a where a.tenant_id = u.tenant_id and a.user_id = u.id"
                    + (problem.sku() == null ? "" : " and a.sku_id = " + bind(problem.sku()))
                    + (problem.waitingOnly()
                            ? " and a.error = " + AssignmentSql.WAITING_ERROR
                            : " and a.error is not null")
                    + ")";
        }
        if (filter instanceof Filter.InUnits in) {
            UUID[] units = in.units().toArray(UUID[]::new);
            if (alias.equals("a")) {
                String bound = bind(units);
                return "exists (select 1 from json_array_elements(" + JdbcAuditLog.TARGETS + ") t where"
                        + " (t->>'type' = 'User' and exists (select 1 from unit_member_user m"
                        + " where m.tenant_id = a.tenant_id and m.unit_id = any(" + bound + ")"
                        + " and m.user_id::text = t->>'id'))"
                        + " or (t->>'type' = 'Group' and exists (select 1 from unit_member_group m"
                        + " where m.tenant_id = a.tenant_id and m.unit_id = any(" + bound + ")"
                        + " and m.group_id::text = t->>'id')))";
            }
            if (alias.equals("g")) {
                return "exists (select 1 from unit_member_group m where m.tenant_id = g.tenant_id and m.group_id = g.id"
                        + " and m.unit_id = any(" + bind(units) + "))";
            }
            return "exists (select 1 from unit_member_user m where m.tenant_id = u.tenant_id and m.user_id = u.id"
                    + " and m.unit_id = any(" + bind(units) + "))";
        }
        if (filter instanceof Filter.HasMembersWithLicenseErrors errors) {
            String exists = "exists (select 1 from license_assignment a where a.tenant_id = g.tenant_id"
                    + " and a.source_group_id = g.id and a.error is not null)";
            return errors.value() ? exists : "not " + exists;
        }
        throw new IllegalArgumentException("unsupported filter " + filter);
    }

    /**
     * Graph's tokenised matching: the value is split where camel case turns (a space put before each capital that
     * follows a lower-case letter or digit) and each word searched for must follow the start or a character that is
     * no letter or digit. The words are letters and digits only ({@link Filter.Search}), so no pattern syntax.
     */
    private String search(Filter.Search search) {
        String words = "(' ' || lower(regexp_replace(" + column(search.property())
                + ", '([[:lower:][:digit:]])([[:upper:]])', '\\1 \\2', 'g')))";
        return search.words().stream()
                .map(w -> words + " ~ " + bind("[^[:alnum:]]" + w))
                .collect(Collectors.joining(" and "));
    }

    /** Users ({@code u}) or groups ({@code g}) in a group, directly or through the groups nested in it. */
    private String memberOf(Filter.MemberOf member) {
        String groups = member.transitive()
                ? "(with recursive sub(id) as (select cast(" + bind(member.group()) + " as uuid) union"
                        + " select n.member_group_id from group_member_group n join sub on n.group_id = sub.id"
                        + " where n.tenant_id = " + alias + ".tenant_id) select id from sub)"
                : "(select cast(" + bind(member.group()) + " as uuid))";
        if (alias.equals("g")) {
            return "exists (select 1 from group_member_group m where m.tenant_id = g.tenant_id"
                    + " and m.member_group_id = g.id and m.group_id in " + groups + ")";
        }
        return "exists (select 1 from group_member_user m where m.tenant_id = u.tenant_id and m.user_id = u.id"
                + " and m.group_id in " + groups + ")";
    }

    /** Groups ({@code g}) that hold an object as a member, directly or through the groups nested in them. */
    private String hasMember(Filter.HasMember has) {
        String id = bind(has.member());
        String direct = "(select m.group_id from group_member_user m where m.tenant_id = g.tenant_id"
                + " and m.user_id = " + id + " union select n.group_id from group_member_group n"
                + " where n.tenant_id = g.tenant_id and n.member_group_id = " + id + ")";
        if (!has.transitive()) {
            return "g.id in " + direct;
        }
        return "g.id in (with recursive up(id) as (" + direct.substring(1, direct.length() - 1)
                + " union select n.group_id from group_member_group n join up on n.member_group_id = up.id"
                + " where n.tenant_id = g.tenant_id) select id from up)";
    }

    private String scoped(Property property, String condition) {
        String scope = Column.of(alias, property).scope();
        return scope == null ? condition : String.format(Locale.ROOT, scope, condition);
    }

    private String column(Property property) {
        return Column.of(alias, property).sql();
    }

    private String licenses() {
        if (alias.equals("g")) {
            return "exists (select 1 from group_license a where a.tenant_id = g.tenant_id and a.group_id = g.id";
        }
        return "exists (select 1 from license_assignment a where a.tenant_id = u.tenant_id and a.user_id = u.id"
                + " and a.state in " + HOLDING;
    }

    private String owner() {
        return "a.user_id = u.id";
    }

    private String compare(Filter.Compare c) {
        String column = column(c.property());
        if (c.value() == null) {
            return switch (c.operator()) {
                case EQ -> column + " is null";
                case NE -> column + " is not null";
                default -> throw new IllegalArgumentException("null compares only with eq and ne");
            };
        }
        String value = bind(
                c.property().type() == Property.Type.TEXT
                        ? ((String) c.value()).toLowerCase(Locale.ROOT)
                        : parameter(c.value()));
        String left = valueOf(c.property());
        if (c.operator() == Filter.Operator.NE) {
            return "(" + column + " is null or " + left + " <> " + value + ")";
        }
        return left + " " + sql(c.operator()) + " " + value;
    }

    private String valueOf(Property property) {
        return property.type() == Property.Type.TEXT ? "lower(" + column(property) + ")" : column(property);
    }

    private static Object array(Property property, List<Object> values) {
        return switch (property.type()) {
            case TEXT -> values.toArray(String[]::new);
            case GUID -> values.toArray(UUID[]::new);
            case BOOLEAN -> values.toArray(Boolean[]::new);
            case DATETIME ->
                values.stream().map(v -> ((Instant) v).atOffset(ZoneOffset.UTC)).toArray();
        };
    }

    private static Object parameter(Object value) {
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : value;
    }

    private String join(List<Filter> parts, String operator) {
        return parts.stream().map(p -> "(" + condition(p) + ")").collect(Collectors.joining(operator));
    }

    private String bind(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    static String sql(Filter.Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
        };
    }

    static String escape(String prefix) {
        return prefix.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
