package org.allot.cli.bulk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.allot.cli.process.Failure;

/**
 * The text of an import file: UTF-8 (with or without a byte-order mark) or UTF-16 with its byte-order mark, as Excel
 * saves "CSV UTF-8" and "Unicode Text". Text in another encoding (a Windows code page, say) is refused with the line
 * where it stops being UTF-8, and how to save the file so that it is.
 */
final class FileText {
    static final String SAVE_AS = "save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8 (Comma delimited)),"
            + " or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8";

    private FileText() {}

    static String decode(String name, byte[] bytes) {
        if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
            return decode(name, bytes, 3, StandardCharsets.UTF_8);
        }
        if (starts(bytes, 0xFF, 0xFE)) {
            return decode(name, bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (starts(bytes, 0xFE, 0xFF)) {
            return decode(name, bytes, 2, StandardCharsets.UTF_16BE);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw Failure.usage(name + " looks like UTF-16 text without a byte-order mark: " + SAVE_AS + ".");
            }
        }
        return decode(name, bytes, 0, StandardCharsets.UTF_8);
    }

    private static String decode(String name, byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw Failure.usage(String.format(
                    Locale.ROOT,
                    "%s line %d is not %s text (byte 0x%02X, perhaps a Windows code page): %s.",
                    name,
                    line(bytes, start, at, charset),
                    charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name(),
                    bytes[at] & 0xFF,
                    SAVE_AS));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The line of a byte: one more than the line feeds of the (well-formed) text before it. */
    private static int line(byte[] bytes, int start, int at, Charset charset) {
        return 1
                + (int) new String(bytes, start, at - start, charset)
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
