package org.allot.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import org.junit.jupiter.api.Test;

/** The encodings an import file may come in: UTF-8 with or without its mark, UTF-16 with it; the rest is named. */
class FileTextTest {
    private static final String TEXT = "userPrincipalName,displayName\nzoe@contoso.com,Zoë Ångström\n";

    @Test
    void utf8WithOrWithoutItsMarkAndUtf16WithItsMarkAreRead() {
        assertThat(FileText.decode("a.csv", TEXT.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(TEXT);
        assertThat(FileText.decode("a.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT, "UTF-8")))
                .isEqualTo(TEXT);
        assertThat(FileText.decode("a.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, "UTF-16LE")))
                .isEqualTo(TEXT);
        assertThat(FileText.decode("a.csv", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT, "UTF-16BE")))
                .isEqualTo(TEXT);
    }

    @Test
    void aWindowsCodePageIsNamedWithTheLineItStopsBeingUtf8On() {
        byte[] bytes = "a,b\nplain,text\nRené,x\n".getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> FileText.decode("legacy.csv", bytes)).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.exit()).isEqualTo(Exit.USAGE);
            assertThat(f.getMessage())
                    .startsWith("legacy.csv line 3 is not UTF-8 text (byte 0xE9")
                    .contains("save it as CSV UTF-8");
        });
    }

    @Test
    void utf16WithoutItsMarkIsNamed() {
        assertThatThrownBy(() -> FileText.decode("u.csv", TEXT.getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.getMessage())
                        .contains("UTF-16 text without a byte-order mark"));
    }

    private static byte[] concat(byte[] mark, String text, String charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mark);
        out.writeBytes(text.getBytes(Charset.forName(charset)));
        return out.toByteArray();
    }
}
