package org.allot.core.sync;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.UserAttribute;

/** The mappings the presets start from: Active Directory's as Microsoft Entra Connect's, and generic LDAP's. */
final class MappingPresets {
    private MappingPresets() {}

    /** Active Directory, as Microsoft Entra Connect maps it by default. */
    static AttributeMapping activeDirectory() {
        return new AttributeMapping(
                "objectGUID",
                AttributeMapping.IdFormat.BINARY,
                "objectGUID",
                AttributeMapping.IdFormat.BINARY,
                withExtensionAttributes(users(
                        "userPrincipalName",
                        "displayName,cn",
                        "givenName",
                        "sn",
                        "mail",
                        "mailNickname,sAMAccountName",
                        "department",
                        "title",
                        "company",
                        "l",
                        "c",
                        "employeeID")),
                "sAMAccountName",
                "userAccountControl",
                groups("displayName,cn", "mailNickname,sAMAccountName", "description"),
                "groupType",
                List.of(MemberAttribute.ofDns("member")),
                "objectSid",
                "sAMAccountName",
                "lastLogonTimestamp");
    }

    /** Other LDAP directories: inetOrgPerson users, groupOfNames groups, entryUUID ids. */
    static AttributeMapping genericLdap() {
        return new AttributeMapping(
                "entryUUID",
                AttributeMapping.IdFormat.TEXT,
                "entryUUID",
                AttributeMapping.IdFormat.TEXT,
                users(
                        "mail",
                        "displayName,cn",
                        "givenName",
                        "sn",
                        "mail",
                        "uid",
                        "departmentNumber",
                        "title",
                        "o",
                        "l",
                        "c",
                        "employeeNumber"),
                "uid",
                null,
                groups("cn", "", "description"),
                null,
                List.of(MemberAttribute.ofDns("member")),
                null,
                null,
                null);
    }

    private static Map<UserAttribute, List<String>> users(String... names) {
        UserAttribute[] order = {
            UserAttribute.USER_PRINCIPAL_NAME,
            UserAttribute.DISPLAY_NAME,
            UserAttribute.GIVEN_NAME,
            UserAttribute.SURNAME,
            UserAttribute.MAIL,
            UserAttribute.MAIL_NICKNAME,
            UserAttribute.DEPARTMENT,
            UserAttribute.JOB_TITLE,
            UserAttribute.COMPANY_NAME,
            UserAttribute.CITY,
            UserAttribute.COUNTRY,
            UserAttribute.EMPLOYEE_ID
        };
        Map<UserAttribute, List<String>> map = new EnumMap<>(UserAttribute.class);
        for (int i = 0; i < order.length; i++) {
            map.put(order[i], split(names[i]));
        }
        return map;
    }

    /** Active Directory's users, with Exchange's extensionAttribute1 to 15 as Entra Connect syncs them. */
    private static Map<UserAttribute, List<String>> withExtensionAttributes(Map<UserAttribute, List<String>> users) {
        Map<UserAttribute, List<String>> map = new EnumMap<>(users);
        for (UserAttribute attribute : UserAttribute.values()) {
            if (attribute.extension() > 0) {
                map.put(attribute, List.of(attribute.graphName()));
            }
        }
        return map;
    }

    private static Map<GroupAttribute, List<String>> groups(String displayName, String nickname, String description) {
        Map<GroupAttribute, List<String>> map = new EnumMap<>(GroupAttribute.class);
        map.put(GroupAttribute.DISPLAY_NAME, split(displayName));
        map.put(GroupAttribute.MAIL_NICKNAME, split(nickname));
        map.put(GroupAttribute.DESCRIPTION, split(description));
        return map;
    }

    private static List<String> split(String names) {
        return Arrays.stream(names.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
