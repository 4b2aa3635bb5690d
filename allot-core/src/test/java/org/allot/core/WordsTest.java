package org.allot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertThat(Words.counted(1, "user", "users")).isEqualTo("1 user");
        assertThat(Words.counted(0, "user", "users")).isEqualTo("0 users");
        assertThat(Words.counted(2, "membership", "memberships")).isEqualTo("2 memberships");
    }

    @Test
    void aDurationIsWrittenInTheLargestUnitThatWritesItExactly() {
        assertThat(Words.duration(Duration.ofHours(24))).isEqualTo("1 day");
        assertThat(Words.duration(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(Words.duration(Duration.ofMinutes(60))).isEqualTo("1 hour");
        assertThat(Words.duration(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(Words.duration(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(Words.duration(Duration.ZERO)).isEqualTo("0 seconds");
    }
}
