package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogonTimesTest {
    @Test
    void aWindowsFileTimeCountsHundredNanosecondsSince1601() {
        assertThat(LogonTimes.parse("116444736000000000")).contains(Instant.EPOCH);
        assertThat(LogonTimes.parse("134405001001234567")).contains(Instant.parse("2026-11-30T08:15:00.1234567Z"));
        assertThat(LogonTimes.parse(" 134247456000000000 ")).contains(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(LogonTimes.parse("1")).contains(Instant.parse("1601-01-01T00:00:00.0000001Z"));
    }

    @Test
    void zeroAbsentNeverAndGarbageGiveNothing() {
        assertThat(LogonTimes.parse("0")).as("Active Directory's never").isEmpty();
        assertThat(LogonTimes.parse(null)).isEmpty();
        assertThat(LogonTimes.parse("")).isEmpty();
        assertThat(LogonTimes.parse("9223372036854775807"))
                .as("the largest file time, also never")
                .isEmpty();
        assertThat(LogonTimes.parse("99999999999999999999"))
                .as("beyond a 64-bit number")
                .isEmpty();
        assertThat(LogonTimes.parse("-134405001001234567")).isEmpty();
        assertThat(LogonTimes.parse("yesterday")).isEmpty();
        assertThat(LogonTimes.parse("1344050010012345x7")).isEmpty();
        assertThat(LogonTimes.parse("20261332081500Z")).as("no 13th month").isEmpty();
    }

    @Test
    void aGeneralizedTimeInUtcIsReadToo() {
        assertThat(LogonTimes.parse("20261130081500Z")).contains(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(LogonTimes.parse("20261130081500.5Z")).contains(Instant.parse("2026-11-30T08:15:00.5Z"));
        assertThat(LogonTimes.parse("20261130081500+0100")).as("only UTC").isEmpty();
    }
}
