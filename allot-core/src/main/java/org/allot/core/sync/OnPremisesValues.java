package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Values Graph derives from an on-premises entry: the DNS domain of its name, its security identifier as text. */
final class OnPremisesValues {
    private OnPremisesValues() {}

    /**
     * The DNS name of the domain an entry is in, from the {@code DC=} parts of its distinguished name
     * ({@code CN=Ann,OU=Staff,DC=corp,DC=contoso,DC=com} is in {@code corp.contoso.com}), as Active Directory names its
     * domains; empty when the name has no {@code DC=} part.
     */
    static Optional<String> domainOf(String dn) {
        List<String> labels = new ArrayList<>();
        for (String part : rdns(dn)) {
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase("dc")) {
                String label = part.substring(equals + 1).strip();
                if (!label.isEmpty()) {
                    labels.add(label.toLowerCase(Locale.ROOT));
                }
            }
        }
        return labels.isEmpty() ? Optional.empty() : Optional.of(String.join(".", labels));
    }

    /**
     * A binary security identifier ({@code objectSid}) in its text form, {@code S-1-5-21-…}: the revision, the 48-bit
     * identifier authority (big-endian) and each 32-bit sub-authority (little-endian); empty when the bytes are not
     * one.
     */
    static Optional<String> securityIdentifier(byte[] sid) {
        if (sid == null || sid.length < 8) {
            return Optional.empty();
        }
        int count = sid[1] & 0xff;
        if (sid[0] != 1 || count > 15 || sid.length != 8 + 4 * count) {
            return Optional.empty();
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (sid[i] & 0xff);
        }
        StringBuilder text = new StringBuilder("S-1-").append(authority);
        for (int i = 0; i < count; i++) {
            int at = 8 + 4 * i;
            long sub = (sid[at] & 0xffL)
                    | (sid[at + 1] & 0xffL) << 8
                    | (sid[at + 2] & 0xffL) << 16
                    | (sid[at + 3] & 0xffL) << 24;
            text.append('-').append(sub);
        }
        return Optional.of(text.toString());
    }

    /** The relative names of a distinguished name, split at the commas that are not escaped. */
    private static List<String> rdns(String dn) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (escaped) {
                part.append(c);
                escaped = false;
            } else if (c == '\\') {
                part.append(c);
                escaped = true;
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
