package org.allot.core.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attributes of a group that can be set, named as in Microsoft Graph. */
public enum GroupAttribute {
    DISPLAY_NAME("displayName", 256),
    MAIL_NICKNAME("mailNickname", 64),
    DESCRIPTION("description", 1024),
    SECURITY_ENABLED("securityEnabled", 5),
    MAIL_ENABLED("mailEnabled", 5),
    /** The rule of a dynamic group (Entra caps it at 3,072 characters); line breaks are allowed. */
    MEMBERSHIP_RULE("membershipRule", 3072),
    /** {@code On} or {@code Paused}: whether a dynamic group's rule is applied. */
    MEMBERSHIP_RULE_PROCESSING_STATE("membershipRuleProcessingState", 6);

    private static final Map<String, GroupAttribute> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(a -> a.graphName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String graphName;
    private final int maxLength;

    GroupAttribute(String graphName, int maxLength) {
        this.graphName = graphName;
        this.maxLength = maxLength;
    }

    public String graphName() {
        return graphName;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean isBoolean() {
        return this == SECURITY_ENABLED || this == MAIL_ENABLED;
    }

    public static Optional<GroupAttribute> byGraphName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
