package org.allot.core.sync;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry as the directory returned it: raw attribute values (LDAP values are octet strings; text is UTF-8) and,
 * for a group, the normalised distinguished names of all its members (large groups already reassembled).
 *
 * @param dn the distinguished name as the directory wrote it
 * @param key the distinguished name normalised, so that equal names are equal strings
 * @param attributes values by attribute name in lower case
 * @param dangling for a group, the values of its member attributes that name no entry of the directory at all
 *     (a distinguished name left behind by a rename or a deletion the directory did not carry into its groups, a
 *     {@code memberUid} no user has), as written; members outside the connector's scope are not dangling
 */
public record DirectoryEntry(
        String dn, String key, Map<String, List<byte[]>> attributes, List<String> members, List<String> dangling) {
    public DirectoryEntry(String dn, String key, Map<String, List<byte[]>> attributes, List<String> members) {
        this(dn, key, attributes, members, List.of());
    }

    public DirectoryEntry {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(key, "key");
        Map<String, List<byte[]>> folded = new LinkedHashMap<>();
        attributes.forEach((name, values) -> folded.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        attributes = Collections.unmodifiableMap(folded);
        members = List.copyOf(members);
        dangling = List.copyOf(dangling);
    }

    /** The values of an attribute, in any case; empty when it has none. */
    public List<byte[]> values(String attribute) {
        return attributes.getOrDefault(attribute.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of an attribute as text, when it has a value that is not blank. */
    public Optional<String> text(String attribute) {
        return values(attribute).stream()
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .filter(s -> !s.isBlank())
                .findFirst();
    }
}
