package org.allot.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.OnPremisesAttributes;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.UsageLocation;
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
        String account = mapping.samAccountName() == null
                ? null
                : entry.text(mapping.samAccountName()).orElse(null);
        if (values.get(UserAttribute.USER_PRINCIPAL_NAME) == null && account == null) {
            return Outcome.refused(Rejection.invalid(
                    "The entry has no userPrincipalName (read from %s) and no %s to make one from on the tenant's"
                            + " initial domain, and every user needs one.",
                    String.join(" or ", mapping.user().get(UserAttribute.USER_PRINCIPAL_NAME)),
                    mapping.samAccountName() == null ? "account name" : mapping.samAccountName()));
        }
        if (values.get(UserAttribute.DISPLAY_NAME) == null) {
            return Outcome.refused(Rejection.invalid(
                    "The entry has no displayName (read from %s), which every user needs.",
                    String.join(" or ", mapping.user().get(UserAttribute.DISPLAY_NAME))));
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
        return Outcome.done(new SyncedUser(id.get(), account, values, onPremises(entry, entry.dn())));
    }

    /**
     * The user's last logon, when the mapping reads one and the entry has a value that is a time ({@link LogonTimes}):
     * empty for none, {@code 0} ("never") or a value that cannot be read, which never refuses the entry.
     */
    public Optional<Instant> lastLogon(DirectoryEntry entry) {
        return mapping.lastLogon() == null
                ? Optional.empty()
                : entry.text(mapping.lastLogon()).flatMap(LogonTimes::parse);
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
        String account = mapping.groupSamAccountName() == null
                ? null
                : entry.text(mapping.groupSamAccountName()).map(String::strip).orElse(null);
        return Outcome.done(new SyncedGroup(id.get(), values, account, onPremises(entry, null)));
    }

    /**
     * The entry's distinguished name (when {@code dn} is given: Graph shows it for users only), the domain its name
     * is in and its security identifier.
     */
    private OnPremisesAttributes onPremises(DirectoryEntry entry, String dn) {
        String sid = null;
        if (mapping.securityIdentifier() != null) {
            List<byte[]> raw = entry.values(mapping.securityIdentifier());
            if (!raw.isEmpty()) {
                sid = OnPremisesValues.securityIdentifier(raw.get(0))
                        .or(() -> entry.text(mapping.securityIdentifier())
                                .map(String::strip)
                                .filter(t -> t.regionMatches(true, 0, "S-1-", 0, 4)))
                        .orElse(null);
            }
        }
        return new OnPremisesAttributes(
                dn, OnPremisesValues.domainOf(entry.dn()).orElse(null), sid, null);
    }

    /** Each mapped attribute's value: the first of its directory attributes that has one, or null (clears it). */
    private static <A> Map<A, Object> values(DirectoryEntry entry, Map<A, List<String>> mapped) {
        Map<A, Object> values = new LinkedHashMap<>();
        mapped.forEach((attribute, names) -> {
            if (attribute == UserAttribute.USAGE_LOCATION) {
                usageLocation(entry, names).ifPresent(code -> values.put(attribute, code));
            } else if (!names.isEmpty()) {
                values.put(attribute, first(entry, names));
            }
        });
        return values;
    }

    /**
     * The usage location, when a connector maps it (as Entra Connect does, {@code msExchUsageLocation} else
     * {@code c}): the first of the attributes whose value is a country code. Without one the user keeps the usage
     * location it has (an administrator's, or none): sync never clears it, so no license is lost for want of one.
     */
    private static Optional<String> usageLocation(DirectoryEntry entry, List<String> names) {
        return names.stream()
                .map(entry::text)
                .flatMap(Optional::stream)
                .map(UsageLocation::parse)
                .flatMap(Optional::stream)
                .map(UsageLocation::code)
                .findFirst();
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
