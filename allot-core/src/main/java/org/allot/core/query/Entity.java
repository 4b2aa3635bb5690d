package org.allot.core.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The properties of users, groups and audit records that filters and ordering may name. */
public record Entity(String typeName, Map<String, Property> properties) {
    /** The path of a user's extension attributes in filters, followed by their number (1 to 15). */
    public static final String EXTENSION_ATTRIBUTES = "onPremisesExtensionAttributes/extensionAttribute";

    public static final Entity USER = new Entity(
            "microsoft.graph.user",
            index(List.of(
                    Property.guid("id"),
                    Property.sortableText("userPrincipalName"),
                    Property.sortableText("displayName"),
                    Property.rangedText("givenName"),
                    Property.rangedText("surname"),
                    Property.rangedText("mail"),
                    Property.rangedText("mailNickname"),
                    Property.rangedText("department"),
                    Property.rangedText("jobTitle"),
                    Property.rangedText("companyName"),
                    Property.rangedText("city"),
                    Property.rangedText("country"),
                    Property.rangedText("employeeId"),
                    Property.rangedText("usageLocation"),
                    Property.text("userType"),
                    Property.rangedText("onPremisesImmutableId"),
                    Property.advancedRangedText("onPremisesSamAccountName"),
                    Property.rangedText("onPremisesUserPrincipalName"),
                    Property.equality("onPremisesSecurityIdentifier"),
                    Property.rangedText("securityIdentifier"),
                    Property.time("onPremisesLastSyncDateTime"),
                    Property.bool("accountEnabled"),
                    Property.bool("onPremisesSyncEnabled"),
                    Property.time("createdDateTime"),
                    Property.time("deletedDateTime"),
                    Property.time("signInActivity/lastSignInDateTime"),
                    Property.time("signInActivity/lastSuccessfulSignInDateTime"),
                    Property.text("proxyAddresses/any"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "1"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "2"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "3"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "4"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "5"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "6"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "7"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "8"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "9"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "10"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "11"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "12"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "13"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "14"),
                    Property.advancedText(EXTENSION_ATTRIBUTES + "15"))));

    public static final Entity GROUP = new Entity(
            "microsoft.graph.group",
            index(List.of(
                    Property.guid("id"),
                    Property.sortableText("displayName"),
                    Property.rangedText("mail"),
                    Property.rangedText("mailNickname"),
                    Property.rangedText("description"),
                    Property.text("membershipRule"),
                    Property.bool("securityEnabled"),
                    Property.bool("mailEnabled"),
                    Property.bool("onPremisesSyncEnabled"),
                    Property.advancedRangedText("onPremisesSamAccountName"),
                    Property.equality("onPremisesSecurityIdentifier"),
                    Property.time("onPremisesLastSyncDateTime"),
                    Property.time("createdDateTime"),
                    Property.text("groupTypes/any"),
                    Property.text("proxyAddresses/any"))));

    /** A tenant's domains, which Graph filters on these ({@code /v1.0/domains?$filter=isDefault eq true}). */
    public static final Entity DOMAIN = new Entity(
            "microsoft.graph.domain",
            index(List.of(
                    Property.text("id"),
                    Property.text("authenticationType"),
                    Property.bool("isAdminManaged"),
                    Property.bool("isDefault"),
                    Property.bool("isInitial"),
                    Property.bool("isRoot"),
                    Property.bool("isVerified"))));

    public static final Entity AUDIT = new Entity(
            "microsoft.graph.directoryAudit",
            index(List.of(
                    Property.guid("id"),
                    Property.text("activityDisplayName"),
                    Property.sortableTime("activityDateTime"),
                    Property.text("category"),
                    Property.text("correlationId"),
                    Property.text("result"),
                    Property.text("initiatedBy/user/id"),
                    Property.text("initiatedBy/user/displayName"),
                    Property.text("initiatedBy/user/userPrincipalName"),
                    Property.text("initiatedBy/app/appId"),
                    Property.text("initiatedBy/app/displayName"),
                    Property.text("targetResources/any/id"),
                    Property.text("targetResources/any/displayName"),
                    Property.text("targetResources/any/userPrincipalName"),
                    Property.text("targetResources/any/type"))));

    public Optional<Property> property(String name) {
        return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, Property> index(List<Property> properties) {
        Map<String, Property> map = new LinkedHashMap<>();
        properties.forEach(p -> map.put(p.name().toLowerCase(Locale.ROOT), p));
        return map;
    }
}
