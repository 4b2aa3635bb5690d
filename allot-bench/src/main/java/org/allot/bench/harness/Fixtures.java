package org.allot.bench.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Builds what scenarios need. Large directories go straight into the tables with {@code generate_series} (ids from
 * {@code md5(prefix || i)}, so the same prefix always gives the same users); everything a user of Allot would do —
 * groups, subscriptions, licenses — goes through the API.
 */
public final class Fixtures {
    static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Support"};

    private final Target target;

    public Fixtures(Target target) {
        this.target = target;
    }

    /** The id of user {@code i} (1-based) of a prefix. */
    public UUID userId(String prefix, int i) {
        return UUID.fromString(target.db().queryString("select md5(? || ?::text)::uuid::text", prefix, i));
    }

    /** Users 1..count of a prefix, department by {@code i % 5} (Sales, Marketing, …), usage location US. */
    public void addUsers(String prefix, int count) {
        target.db().update("""
                        insert into directory_user (tenant_id, id, user_principal_name, display_name, usage_location,
                            user_type, account_enabled, on_premises_sync_enabled, created_at, department)
                        select ?, md5(? || i)::uuid, ? || i || '@' || ?, 'User ' || ? || i, 'US', 'Member', true,
                               false, now(), (array['Sales','Marketing','Engineering','Finance','Support'])[1 + i % 5]
                        from generate_series(1, ?) i""", target.tenant(), prefix, prefix, target.domain(), prefix, count);
        target.db().update("analyze directory_user");
    }

    /** Makes users 1..count of a prefix direct members of a group. */
    public void addMembers(UUID group, String prefix, int count) {
        target.db().update("""
                        insert into group_member_user (tenant_id, group_id, user_id)
                        select ?, ?, md5(? || i)::uuid from generate_series(1, ?) i""", target.tenant(), group, prefix, count);
        target.db().update("analyze group_member_user");
    }

    public UUID createGroup(String name) {
        return postGroup(groupBody(name), "POST /groups");
    }

    public UUID createDynamicGroup(String name, String rule) {
        Map<String, Object> body = groupBody(name);
        body.put("groupTypes", List.of("DynamicMembership"));
        body.put("membershipRule", rule);
        body.put("membershipRuleProcessingState", "On");
        return postGroup(body, "POST /groups (dynamic)");
    }

    private static Map<String, Object> groupBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("mailNickname", name.replaceAll("[^A-Za-z0-9]", ""));
        body.put("securityEnabled", true);
        body.put("mailEnabled", false);
        return body;
    }

    private UUID postGroup(Map<String, Object> body, String what) {
        JsonNode g = target.api().post("/v1.0/groups", body).orFail(what).body();
        return UUID.fromString(g.path("id").asString());
    }

    /** The SKU id of a catalogue product. */
    public UUID sku(String partNumber) {
        JsonNode p = target.api()
                .get("/allot/v1/products/" + partNumber)
                .orFail("GET /products/" + partNumber)
                .body();
        return UUID.fromString(p.path("skuId").asString());
    }

    /** Buys seats of a product; returns the subscription's id. */
    public String subscribe(String partNumber, int seats) {
        return target.api()
                .post("/allot/v1/subscriptions", Map.of("skuPartNumber", partNumber, "seats", seats))
                .orFail("POST /subscriptions")
                .body()
                .path("id")
                .asString();
    }

    public Api.Response setSeats(String subscription, int seats) {
        return target.api().patch("/allot/v1/subscriptions/" + subscription, Map.of("seats", seats));
    }

    public static Map<String, Object> licenseBody(UUID sku) {
        return Map.of(
                "addLicenses", List.of(Map.of("skuId", sku.toString(), "disabledPlans", List.of())),
                "removeLicenses", List.of());
    }

    /** Assigns a SKU to a group (202: its members are licensed in the background). */
    public void assignToGroup(UUID group, UUID sku) {
        target.api()
                .post("/v1.0/groups/" + group + "/assignLicense", licenseBody(sku))
                .orFail("POST /groups/{id}/assignLicense");
    }

    public String processingState(UUID group) {
        JsonNode state = target.api()
                .get("/v1.0/groups/" + group + "?$select=id,licenseProcessingState")
                .orFail("GET /groups/{id}")
                .body()
                .path("licenseProcessingState");
        return state.isObject() ? state.path("state").asString() : state.asString();
    }

    /** Polls the group's licenseProcessingState every {@code poll} until ProcessingComplete. */
    public void awaitProcessingComplete(UUID group, Duration poll, Duration limit) {
        await(() -> "ProcessingComplete".equals(processingState(group)), poll, limit, "group " + group + " licensed");
    }

    /** Waits until no background job of this kind for this target is queued or running. */
    public void awaitJobs(String kind, UUID targetId, Duration poll, Duration limit) {
        await(
                () -> target.db()
                                .queryLong(
                                        "select count(*) from license_job where tenant_id = ? and kind = ?"
                                                + " and target_id = ? and state in ('QUEUED', 'RUNNING')",
                                        target.tenant(),
                                        kind,
                                        targetId)
                        == 0,
                poll,
                limit,
                kind + " job of " + targetId);
    }

    /** Waits until no background job of the tenant is queued or running. */
    public void awaitNoJobs(Duration limit, String what) {
        await(
                () -> target.db()
                                .queryLong(
                                        "select count(*) from license_job where tenant_id = ? and state in"
                                                + " ('QUEUED', 'RUNNING')",
                                        target.tenant())
                        == 0,
                Duration.ofMillis(200),
                limit,
                what);
    }

    public long count(String sql, Object... params) {
        return target.db().queryLong(sql, params);
    }

    public static void await(java.util.function.BooleanSupplier done, Duration poll, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + limit);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
