package org.allot.server.persistence.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The properties of users and of groups that filters and ordering may name. */
public record Entity(String typeName, Map<String, Property> properties) {
    private static final String TARGETS = "exists (select 1 from json_array_elements(a.targets) t where %s)";

    public static final Entity USER = new Entity(
            "microsoft.graph.user",
            index(List.of(
                    Property.guid("id", "u.id"),
                    Property.sortableText("userPrincipalName", "u.user_principal_name"),
                    Property.sortableText("displayName", "u.display_name"),
                    Property.text("givenName", "u.given_name"),
                    Property.text("surname", "u.surname"),
                    Property.text("mail", "u.mail"),
                    Property.text("mailNickname", "u.mail_nickname"),
                    Property.text("department", "u.department"),
                    Property.text("jobTitle", "u.job_title"),
                    Property.text("companyName", "u.company_name"),
                    Property.text("city", "u.city"),
                    Property.text("country", "u.country"),
                    Property.text("employeeId", "u.employee_id"),
                    Property.text("usageLocation", "u.usage_location"),
                    Property.text("userType", "u.user_type"),
                    Property.text("onPremisesImmutableId", "u.on_premises_immutable_id"),
                    Property.text("onPremisesSamAccountName", "u.on_premises_sam_account_name"),
                    Property.bool("accountEnabled", "u.account_enabled"),
                    Property.bool("onPremisesSyncEnabled", "u.on_premises_sync_enabled"),
                    Property.time("createdDateTime", "u.created_at"),
                    Property.time("deletedDateTime", "u.deleted_at"))));

    public static final Entity GROUP = new Entity(
            "microsoft.graph.group",
            index(List.of(
                    Property.guid("id", "g.id"),
                    Property.sortableText("displayName", "g.display_name"),
                    Property.text("mailNickname", "g.mail_nickname"),
                    Property.text("description", "g.description"),
                    Property.text("membershipRule", "g.membership_rule"),
                    Property.bool("securityEnabled", "g.security_enabled"),
                    Property.bool("mailEnabled", "g.mail_enabled"),
                    Property.bool("onPremisesSyncEnabled", "g.on_premises_sync_enabled"),
                    Property.time("createdDateTime", "g.created_at"))));

    public static final Entity AUDIT = new Entity(
            "microsoft.graph.directoryAudit",
            index(List.of(
                    Property.guid("id", "a.id"),
                    Property.text("activityDisplayName", "a.activity_display"),
                    Property.sortableTime("activityDateTime", "a.occurred_at"),
                    Property.text("category", "a.category"),
                    Property.text("correlationId", "a.correlation_id"),
                    Property.text("result", "a.result"),
                    Property.text("initiatedBy/user/id", "(case when a.actor_kind = 'USER' then a.actor_id end)"),
                    Property.text(
                            "initiatedBy/user/displayName", "(case when a.actor_kind = 'USER' then a.actor_name end)"),
                    Property.text(
                            "initiatedBy/user/userPrincipalName",
                            "(case when a.actor_kind = 'USER' then a.actor_id end)"),
                    Property.text("initiatedBy/app/appId", "(case when a.actor_kind <> 'USER' then a.actor_id end)"),
                    Property.text(
                            "initiatedBy/app/displayName", "(case when a.actor_kind <> 'USER' then a.actor_name end)"),
                    Property.within("targetResources/any/id", "t->>'id'", TARGETS),
                    Property.within("targetResources/any/displayName", "t->>'displayName'", TARGETS),
                    Property.within("targetResources/any/userPrincipalName", "t->>'displayName'", TARGETS),
                    Property.within("targetResources/any/type", "t->>'type'", TARGETS))));

    public Optional<Property> property(String name) {
        return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, Property> index(List<Property> properties) {
        Map<String, Property> map = new LinkedHashMap<>();
        properties.forEach(p -> map.put(p.name().toLowerCase(Locale.ROOT), p));
        return map;
    }
}
