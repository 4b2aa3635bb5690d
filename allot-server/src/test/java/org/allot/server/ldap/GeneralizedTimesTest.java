package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** modifyTimestamp values read without a date format name the instant UnboundID's decoder names, in every form. */
class GeneralizedTimesTest {

    @Test
    void readsWhatUnboundIdReads() {
        List<String> values = List.of(
                "20261205091500Z",
                "20261205091500.0Z",
                "20261205091500.5Z",
                "20261205091500.25Z",
                "20261205091500.123Z",
                "20261205091500.1234567Z",
                "20261205091500,5Z",
                "20240229235959Z",
                "19700101000000Z",
                "20261205091500+0100",
                "20261205091500.5-0230",
                "202612050915Z",
                "2026120509Z",
                "2026120509.5Z");
        for (String value : values) {
            assertThat(GeneralizedTimes.parse(value)).as(value).isEqualTo(unboundId(value));
        }
        Random random = new Random(16);
        for (int i = 0; i < 2_000; i++) {
            Instant time = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            String value = StaticUtils.encodeGeneralizedTime(java.util.Date.from(time));
            assertThat(GeneralizedTimes.parse(value)).as(value).isEqualTo(time);
            String seconds = value.substring(0, 14) + "Z";
            assertThat(GeneralizedTimes.parse(seconds)).as(seconds).isEqualTo(unboundId(seconds));
        }
    }

    @Test
    void aValueThatIsNoTimeIsNone() {
        assertThat(GeneralizedTimes.parse("yesterday")).isNull();
        assertThat(GeneralizedTimes.parse("20261205091500,5Z")).isNull();
        assertThat(GeneralizedTimes.parse("20261305091500Z")).isEqualTo(unboundId("20261305091500Z"));
    }

    /** What UnboundID's decoder reads, null where it refuses the value. */
    private static Instant unboundId(String value) {
        try {
            return StaticUtils.decodeGeneralizedTime(value).toInstant();
        } catch (ParseException e) {
            return null;
        }
    }
}
