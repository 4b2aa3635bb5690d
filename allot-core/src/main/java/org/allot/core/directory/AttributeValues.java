package org.allot.core.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allot.core.Outcome;
import org.allot.core.Rejection;

/** Checks and converts attribute values given as text or Boolean into their typed form. */
final class AttributeValues {
    private static final Pattern UPN =
            Pattern.compile("^[A-Za-z0-9'._\\-!#^~+&]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    private AttributeValues() {}

    static Outcome<Object> convert(String resource, UserAttribute attribute, Object raw) {
        if (raw == null) {
            return attribute == UserAttribute.USER_PRINCIPAL_NAME
                            || attribute == UserAttribute.DISPLAY_NAME
                            || attribute == UserAttribute.ACCOUNT_ENABLED
                    ? Outcome.refused(invalidValue(attribute.graphName(), resource))
                    : Outcome.done(null);
        }
        return switch (attribute.kind()) {
            case BOOLEAN ->
                raw instanceof Boolean b
                        ? Outcome.done(b)
                        : Outcome.refused(invalidValue(attribute.graphName(), resource));
            case USAGE_LOCATION ->
                raw instanceof String s
                        ? UsageLocation.parse(s)
                                .filter(l -> s.trim().length() == 2)
                                .<Outcome<Object>>map(Outcome::done)
                                .orElseGet(() -> Outcome.refused(invalidValue(attribute.graphName(), resource)))
                        : Outcome.refused(invalidValue(attribute.graphName(), resource));
            case USER_TYPE ->
                raw instanceof String s
                        ? userType(s)
                                .<Outcome<Object>>map(Outcome::done)
                                .orElseGet(() -> Outcome.refused(invalidValue(attribute.graphName(), resource)))
                        : Outcome.refused(invalidValue(attribute.graphName(), resource));
            case TEXT ->
                raw instanceof String s
                        ? text(resource, attribute, s)
                        : Outcome.refused(invalidValue(attribute.graphName(), resource));
        };
    }

    static Outcome<Object> text(String resource, UserAttribute attribute, String value) {
        Outcome<Object> text = text(resource, attribute.graphName(), attribute.maxLength(), value);
        if (text.isDone()
                && attribute == UserAttribute.USER_PRINCIPAL_NAME
                && !UPN.matcher((String) text.value()).matches()) {
            return Outcome.refused(Rejection.invalid("Property userPrincipalName is invalid."));
        }
        return text;
    }

    static Outcome<Object> text(String resource, String property, int maxLength, String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > maxLength || hasControlCharacters(trimmed)) {
            return Outcome.refused(invalidValue(property, resource));
        }
        return Outcome.done(trimmed);
    }

    static Rejection invalidValue(String property, String resource) {
        return Rejection.invalid("Invalid value specified for property '%s' of resource '%s'.", property, resource);
    }

    private static Optional<UserType> userType(String value) {
        for (UserType type : UserType.values()) {
            if (type.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    static String localPart(String userPrincipalName) {
        return userPrincipalName.substring(0, userPrincipalName.lastIndexOf('@'));
    }

    static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
