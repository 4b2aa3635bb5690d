package org.allot.core.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.allot.core.directory.User;

/**
 * The properties a membership rule can read, named as in Microsoft Entra: the user's own (of the form
 * {@code user.department}, {@code user.extensionAttribute1} to {@code 15}) and, inside {@code user.assignedPlans -any (…)}, those of one assigned plan
 * ({@code assignedPlan.servicePlanId}). Names are matched in any case.
 */
enum RuleProperty {
    ACCOUNT_ENABLED("user.accountEnabled", Type.BOOLEAN, u -> u.accountEnabled()),
    CITY("user.city", Type.TEXT, User::city),
    COMPANY_NAME("user.companyName", Type.TEXT, User::companyName),
    COUNTRY("user.country", Type.TEXT, User::country),
    DEPARTMENT("user.department", Type.TEXT, User::department),
    DIR_SYNC_ENABLED("user.dirSyncEnabled", Type.BOOLEAN, u -> u.onPremisesSyncEnabled()),
    DISPLAY_NAME("user.displayName", Type.TEXT, User::displayName),
    EMPLOYEE_ID("user.employeeId", Type.TEXT, User::employeeId),
    GIVEN_NAME("user.givenName", Type.TEXT, User::givenName),
    JOB_TITLE("user.jobTitle", Type.TEXT, User::jobTitle),
    MAIL("user.mail", Type.TEXT, User::mail),
    MAIL_NICKNAME("user.mailNickname", Type.TEXT, User::mailNickname),
    OBJECT_ID("user.objectId", Type.TEXT, u -> u.id().toString()),
    ON_PREMISES_SYNC_ENABLED("user.onPremisesSyncEnabled", Type.BOOLEAN, u -> u.onPremisesSyncEnabled()),
    SURNAME("user.surname", Type.TEXT, User::surname),
    USAGE_LOCATION(
            "user.usageLocation",
            Type.TEXT,
            u -> u.usageLocation() == null ? null : u.usageLocation().code()),
    USER_PRINCIPAL_NAME("user.userPrincipalName", Type.TEXT, User::userPrincipalName),
    USER_TYPE("user.userType", Type.TEXT, u -> u.userType().name()),
    /** Exchange's custom attributes ({@code onPremisesExtensionAttributes}), named as Entra's rules name them. */
    EXTENSION_ATTRIBUTE_1(
            "user.extensionAttribute1", Type.TEXT, u -> u.extensionAttributes().get(1)),
    EXTENSION_ATTRIBUTE_2(
            "user.extensionAttribute2", Type.TEXT, u -> u.extensionAttributes().get(2)),
    EXTENSION_ATTRIBUTE_3(
            "user.extensionAttribute3", Type.TEXT, u -> u.extensionAttributes().get(3)),
    EXTENSION_ATTRIBUTE_4(
            "user.extensionAttribute4", Type.TEXT, u -> u.extensionAttributes().get(4)),
    EXTENSION_ATTRIBUTE_5(
            "user.extensionAttribute5", Type.TEXT, u -> u.extensionAttributes().get(5)),
    EXTENSION_ATTRIBUTE_6(
            "user.extensionAttribute6", Type.TEXT, u -> u.extensionAttributes().get(6)),
    EXTENSION_ATTRIBUTE_7(
            "user.extensionAttribute7", Type.TEXT, u -> u.extensionAttributes().get(7)),
    EXTENSION_ATTRIBUTE_8(
            "user.extensionAttribute8", Type.TEXT, u -> u.extensionAttributes().get(8)),
    EXTENSION_ATTRIBUTE_9(
            "user.extensionAttribute9", Type.TEXT, u -> u.extensionAttributes().get(9)),
    EXTENSION_ATTRIBUTE_10(
            "user.extensionAttribute10", Type.TEXT, u -> u.extensionAttributes().get(10)),
    EXTENSION_ATTRIBUTE_11(
            "user.extensionAttribute11", Type.TEXT, u -> u.extensionAttributes().get(11)),
    EXTENSION_ATTRIBUTE_12(
            "user.extensionAttribute12", Type.TEXT, u -> u.extensionAttributes().get(12)),
    EXTENSION_ATTRIBUTE_13(
            "user.extensionAttribute13", Type.TEXT, u -> u.extensionAttributes().get(13)),
    EXTENSION_ATTRIBUTE_14(
            "user.extensionAttribute14", Type.TEXT, u -> u.extensionAttributes().get(14)),
    EXTENSION_ATTRIBUTE_15(
            "user.extensionAttribute15", Type.TEXT, u -> u.extensionAttributes().get(15)),
    ASSIGNED_PLANS("user.assignedPlans", Type.PLANS, u -> null),
    SERVICE_PLAN_ID("assignedPlan.servicePlanId", Type.TEXT, u -> null),
    CAPABILITY_STATUS("assignedPlan.capabilityStatus", Type.TEXT, u -> null);

    /** What a property holds. */
    enum Type {
        TEXT,
        BOOLEAN,
        /** A collection of assigned plans, read with {@code -any} or {@code -all}. */
        PLANS
    }

    private final String ruleName;
    private final Type type;

    @SuppressWarnings("ImmutableEnumChecker") // each is a method reference or a lambda over the user alone: no state
    private final Function<User, Object> read;

    RuleProperty(String ruleName, Type type, Function<User, Object> read) {
        this.ruleName = ruleName;
        this.type = type;
        this.read = read;
    }

    String ruleName() {
        return ruleName;
    }

    Type type() {
        return type;
    }

    /** Whether this is a property of one assigned plan rather than of the user. */
    boolean ofAssignedPlan() {
        return ruleName.startsWith("assignedPlan.");
    }

    Object read(User user) {
        return read.apply(user);
    }

    /** Whether a property a rule can read differs between the two versions of a user. */
    static boolean anyChanged(User before, User after) {
        return Arrays.stream(values())
                .filter(p -> p.type() != Type.PLANS && !p.ofAssignedPlan())
                .anyMatch(p -> !Objects.equals(p.read(before), p.read(after)));
    }

    static Optional<RuleProperty> named(String name) {
        String folded = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.ruleName.toLowerCase(Locale.ROOT).equals(folded))
                .findFirst();
    }

    /** The names valid in one scope, for messages. */
    static List<String> names(boolean ofAssignedPlan) {
        return Arrays.stream(values())
                .filter(p -> p.ofAssignedPlan() == ofAssignedPlan)
                .map(RuleProperty::ruleName)
                .toList();
    }
}
