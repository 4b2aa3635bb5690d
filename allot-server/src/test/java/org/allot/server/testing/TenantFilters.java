package org.allot.server.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a statement the server runs reads and writes one tenant's rows only, as PostgreSQL plans it: every scan
 * of a tenant's table in the statement's generic plan ({@code EXPLAIN (GENERIC_PLAN)}, the parameters left unknown)
 * has a condition on {@code tenant_id} (on {@code id} for the tenants' own table), its own or one carried over from a
 * join on {@code tenant_id}. That is what lets Citus route the statement to the one node holding the tenant. An
 * insert's rows name their tenant (the column is not null), so only what a statement reads is checked.
 */
public final class TenantFilters {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EXPLAINABLE = Pattern.compile("(?is)\\s*(select|insert|update|delete|with)\\b.*");
    private static final Pattern TENANT_ID = Pattern.compile("\\btenant_id\\b");
    private static final Pattern ID = Pattern.compile("\\bid\\b");

    /** A statement and the scans of tenant tables in it that no tenant condition narrows (empty: it passes). */
    public record Verdict(String sql, List<String> unfiltered, String unexplained) {
        public boolean passes() {
            return unfiltered.isEmpty() && unexplained == null;
        }
    }

    private final DataSource database;
    private final String root;
    private final Set<String> global;

    /**
     * @param root the tenants' table, keyed by {@code id}
     * @param global the tables that belong to no tenant
     */
    public TenantFilters(DataSource database, String root, Set<String> global) {
        this.database = database;
        this.root = root;
        this.global = global;
    }

    /** Each distinct statement of the JDBC strings (split where one string sends several), with its verdict. */
    public Map<String, Verdict> check(List<String> jdbcStrings) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            Set<String> tables = tables(c);
            for (String jdbc : jdbcStrings) {
                for (String sql : split(jdbc)) {
                    if (!verdicts.containsKey(sql) && EXPLAINABLE.matcher(sql).matches()) {
                        verdicts.put(sql, verdict(c, sql, tables));
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return verdicts;
    }

    private Verdict verdict(Connection c, String sql, Set<String> tables) throws SQLException {
        String plan;
        try (Statement s = c.createStatement()) {
            s.execute("savepoint explain");
            try (ResultSet rs = s.executeQuery("explain (generic_plan, format json) " + sql)) {
                rs.next();
                plan = rs.getString(1);
            } catch (SQLException e) {
                s.execute("rollback to savepoint explain");
                return new Verdict(sql, List.of(), e.getSQLState() + " " + e.getMessage());
            }
        }
        List<String> unfiltered = new ArrayList<>();
        walk(JSON.readTree(plan).get(0).get("Plan"), tables, unfiltered);
        return new Verdict(sql, unfiltered, null);
    }

    private void walk(JsonNode node, Set<String> tables, List<String> unfiltered) {
        String table = node.path("Relation Name").asString("");
        if (!table.isEmpty()
                && !node.path("Node Type").asString().equals("ModifyTable")
                && tables.contains(table)
                && !global.contains(table)) {
            String conditions = String.join(
                    " ",
                    node.path("Index Cond").asString(""),
                    node.path("Recheck Cond").asString(""),
                    node.path("Filter").asString(""),
                    node.path("TID Cond").asString(""));
            boolean narrowed = table.equals(root)
                    ? ID.matcher(conditions).find()
                    : TENANT_ID.matcher(conditions).find();
            if (!narrowed) {
                unfiltered.add(node.path("Node Type").asString() + " on " + table
                        + (conditions.isBlank() ? "" : " (" + conditions.strip() + ")"));
            }
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, tables, unfiltered);
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> tables = new java.util.HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * The statements of one JDBC string, each with its JDBC placeholders ({@code ?}) numbered as PostgreSQL's
     * ({@code $1}…) from 1, and {@code ??} (JDBC's escaped {@code ?} operator) as {@code ?}.
     */
    static List<String> split(String jdbc) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int parameter = 0;
        boolean quoted = false;
        for (int i = 0; i < jdbc.length(); i++) {
            char ch = jdbc.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
                current.append(ch);
            } else if (quoted) {
                current.append(ch);
            } else if (ch == '?' && i + 1 < jdbc.length() && jdbc.charAt(i + 1) == '?') {
                current.append('?');
                i++;
            } else if (ch == '?') {
                current.append('$').append(++parameter);
            } else if (ch == ';') {
                add(statements, current);
                current = new StringBuilder();
                parameter = 0;
            } else {
                current.append(ch);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }
}
