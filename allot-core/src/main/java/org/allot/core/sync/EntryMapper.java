package org.allot.core.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.UserAttribute;

/** Turns directory entries into the values Allot keeps, by a connector's attribute mapping. */
public final class EntryMapper {
    /** {@code userAccountControl}: ACCOUNTDISABLE. */
    static final long ACCOUNT_DISABLED = 0x2L;
    /** {@code groupType}: the group is a security group. */
    static final long SECURITY_GROUP = 0x80000000L;

    private final AttributeMapping mapping;

    public EntryMapper(AttributeMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping);
    }

    /**
     * The immutable id of an entry of the kind, from the first of its {@linkplain AttributeMapping#idAttributes
     * identifying attributes} it has: base64 of the raw bytes for binary ids (an {@code objectGUID} gives what
     * Microsoft Entra calls the ImmutableId), the text itself otherwise.
     */
    public Optional<String> immutableId(ObjectKind kind, DirectoryEntry entry) {
        for (String attribute : mapping.idAttributes(kind)) {
            List<byte[]> values = entry.values(attribute);
            if (values.isEmpty() || values.get(0).length == 0) {
                continue;
            }
            byte[] value = values.get(0);
            String id = mapping.idFormat(attribute) == AttributeMapping.IdFormat.BINARY
                    ? Base64.getEncoder().encodeToString(value)
                    : new String(value, StandardCharsets.UTF_8).strip();
            if (!id.isEmpty()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Why an entry of the kind without an immutable id is left out. */
    public String noIdReason(ObjectKind kind) {
        return "The entry has no " + String.join(" nor ", mapping.idAttributes(kind))
                + ", the attribute that identifies it for life, and is left out.";
    }

    /** The user the entry describes; Allot's own checks of the values come when it is written. */
    public Outcome<SyncedUser> user(DirectoryEntry entry) {
        Optional<String> id = immutableId(ObjectKind.USER, entry);
        if (id.isEmpty()) {
            return Outcome.refused(Rejection.invalid("%s", noIdReason(ObjectKind.USER)));
        }
        Map<UserAttribute, Object> values = values(entry, mapping.user());
        for (UserAttribute required : List.of(UserAttribute.USER_PRINCIPAL_NAME, UserAttribute.DISPLAY_NAME)) {
            if (values.get(required) == null) {
                return Outcome.refused(Rejection.invalid(
                        "The entry has no %s (read from %s), which every user needs.",
                        required.graphName(), String.join(" or ", mapping.user().get(required))));
            }
        }
        if (mapping.accountControl() != null) {
            Outcome<Optional<Long>> flags = number(entry, mapping.accountControl());
            if (!flags.isDone()) {
                return Outcome.refused(flags.rejection());
            }
            values.put(
                    UserAttribute.ACCOUNT_ENABLED,
                    flags.value().map(f -> (f & ACCOUNT_DISABLED) == 0).orElse(true));
        }
        String account = mapping.samAccountName() == null
                ? null
                : entry.text(mapping.samAccountName()).orElse(null);
        return Outcome.done(new SyncedUser(id.get(), account, values));
    }

    /** The group the entry describes (its members are resolved separately). */
    public Outcome<SyncedGroup> group(DirectoryEntry entry) {
        Optional<String> id = immutableId(ObjectKind.GROUP, entry);
        if (id.isEmpty()) {
            return Outcome.refused(Rejection.invalid("%s", noIdReason(ObjectKind.GROUP)));
        }
        Map<GroupAttribute, Object> values = values(entry, mapping.group());
        if (values.get(GroupAttribute.DISPLAY_NAME) == null) {
            return Outcome.refused(Rejection.invalid(
                    "The entry has no displayName (read from %s), which every group needs.",
                    String.join(" or ", mapping.group().get(GroupAttribute.DISPLAY_NAME))));
        }
        if (mapping.groupType() != null) {
            Outcome<Optional<Long>> flags = number(entry, mapping.groupType());
            if (!flags.isDone()) {
                return Outcome.refused(flags.rejection());
            }
            flags.value().ifPresent(f -> values.put(GroupAttribute.SECURITY_ENABLED, (f & SECURITY_GROUP) != 0));
        }
        return Outcome.done(new SyncedGroup(id.get(), values));
    }

    /** Each mapped attribute's value: the first of its directory attributes that has one, or null (clears it). */
    private static <A> Map<A, Object> values(DirectoryEntry entry, Map<A, List<String>> mapped) {
        Map<A, Object> values = new LinkedHashMap<>();
        mapped.forEach((attribute, names) -> {
            if (!names.isEmpty()) {
                values.put(attribute, first(entry, names));
            }
        });
        return values;
    }

    private static String first(DirectoryEntry entry, List<String> names) {
        for (String name : names) {
            Optional<String> value = entry.text(name);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    /** The attribute as a number, empty when absent; refused when it is not a number. */
    private static Outcome<Optional<Long>> number(DirectoryEntry entry, String attribute) {
        Optional<String> text = entry.text(attribute);
        if (text.isEmpty()) {
            return Outcome.done(Optional.empty());
        }
        try {
            return Outcome.done(Optional.of(Long.parseLong(text.get().strip())));
        } catch (NumberFormatException e) {
            return Outcome.refused(Rejection.invalid("The entry's %s is not a number.", attribute));
        }
    }
}
