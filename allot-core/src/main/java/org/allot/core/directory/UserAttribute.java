package org.allot.core.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The attributes of a user that can be set, named as in Microsoft Graph, with their limits. Synced users keep
 * every attribute but {@code usageLocation} read-only: the on-premises directory owns them.
 */
public enum UserAttribute {
    USER_PRINCIPAL_NAME("userPrincipalName", Kind.TEXT, 113),
    DISPLAY_NAME("displayName", Kind.TEXT, 256),
    GIVEN_NAME("givenName", Kind.TEXT, 64),
    SURNAME("surname", Kind.TEXT, 64),
    MAIL("mail", Kind.TEXT, 254),
    MAIL_NICKNAME("mailNickname", Kind.TEXT, 64),
    DEPARTMENT("department", Kind.TEXT, 64),
    JOB_TITLE("jobTitle", Kind.TEXT, 128),
    COMPANY_NAME("companyName", Kind.TEXT, 64),
    CITY("city", Kind.TEXT, 128),
    COUNTRY("country", Kind.TEXT, 128),
    EMPLOYEE_ID("employeeId", Kind.TEXT, 16),
    USAGE_LOCATION("usageLocation", Kind.USAGE_LOCATION, 2),
    USER_TYPE("userType", Kind.USER_TYPE, 6),
    ACCOUNT_ENABLED("accountEnabled", Kind.BOOLEAN, 5),
    /**
     * Set on a cloud user before a sync to hard-match it: the directory object with this immutable id takes it over.
     * Owned by the sync on synced users.
     */
    ON_PREMISES_IMMUTABLE_ID("onPremisesImmutableId", Kind.TEXT, 256),
    /** {@code onPremisesExtensionAttributes/extensionAttribute1} to {@code 15}. */
    EXTENSION_ATTRIBUTE_1("extensionAttribute1", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_2("extensionAttribute2", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_3("extensionAttribute3", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_4("extensionAttribute4", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_5("extensionAttribute5", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_6("extensionAttribute6", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_7("extensionAttribute7", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_8("extensionAttribute8", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_9("extensionAttribute9", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_10("extensionAttribute10", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_11("extensionAttribute11", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_12("extensionAttribute12", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_13("extensionAttribute13", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_14("extensionAttribute14", Kind.TEXT, 1024),
    EXTENSION_ATTRIBUTE_15("extensionAttribute15", Kind.TEXT, 1024);

    /** How an attribute's value is written. */
    public enum Kind {
        TEXT,
        BOOLEAN,
        USAGE_LOCATION,
        USER_TYPE
    }

    private static final Map<String, UserAttribute> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(a -> a.graphName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String graphName;
    private final Kind kind;
    private final int maxLength;

    UserAttribute(String graphName, Kind kind, int maxLength) {
        this.graphName = graphName;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    public String graphName() {
        return graphName;
    }

    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    /** For {@code extensionAttribute<n>}: n (1 to 15); 0 for the other attributes. */
    public int extension() {
        String prefix = "extensionAttribute";
        return graphName.startsWith(prefix) ? Integer.parseInt(graphName.substring(prefix.length())) : 0;
    }

    /** Whether the attribute stays cloud-managed on synced users. */
    public boolean cloudManaged() {
        return this == USAGE_LOCATION;
    }

    /** The attribute with this Graph name, in any case. */
    public static Optional<UserAttribute> byGraphName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
