package org.allot.server.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Text Allot can store and give back as it was sent: PostgreSQL refuses NUL (U+0000) in text, and an unpaired UTF-16
 * surrogate is no character at all (it would come back as '?'). Requests holding either are refused with a 400,
 * wherever the text is: query string, form, path or JSON body.
 */
public final class StorableText {
    private StorableText() {}

    /** What makes the text unstorable, for a message ("a NUL character (U+0000)"); empty when it can be stored. */
    public static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("a NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format(Locale.ROOT, "an unpaired surrogate (U+%04X)", (int) c));
            }
        }
        return Optional.empty();
    }
}
