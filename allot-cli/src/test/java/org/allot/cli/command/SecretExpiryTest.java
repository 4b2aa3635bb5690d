package org.allot.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.allot.api.extensions.AppRegistration;
import org.junit.jupiter.api.Test;

/** When a secret should end, as people write it, and how near its end is told. */
class SecretExpiryTest {

    @Test
    void aLifetimeOrADateSaysWhenASecretEnds() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        assertThat(AppCommands.secretEnd(null)).as("the server's default").isNull();
        assertThat(AppCommands.secretEnd("90d")).isCloseTo(now.plusDays(90), within(1, ChronoUnit.MINUTES));
        assertThat(AppCommands.secretEnd("6m")).isCloseTo(now.plusMonths(6), within(1, ChronoUnit.MINUTES));
        assertThat(AppCommands.secretEnd("2Y")).isCloseTo(now.plusYears(2), within(1, ChronoUnit.MINUTES));
        assertThat(AppCommands.secretEnd("2027-06-30")).isEqualTo(OffsetDateTime.parse("2027-06-30T00:00:00Z"));
        assertThatThrownBy(() -> AppCommands.secretEnd("soon")).hasMessageContaining("--secret-expires");
    }

    @Test
    void aSecretIsOkUntilThirtyDaysBeforeItsEnd() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        assertThat(AppCommands.state(app(now.plusDays(90)))).isEqualTo("ok");
        assertThat(AppCommands.state(app(now.plusDays(12).plusHours(1)))).isEqualTo("expires in 12 days");
        assertThat(AppCommands.state(app(now.plusHours(30)))).isEqualTo("expires in 1 day");
        assertThat(AppCommands.state(app(now.minusMinutes(1)))).isEqualTo("expired");
    }

    private static AppRegistration app(OffsetDateTime end) {
        return new AppRegistration("id", "App", "Global Reader", end.minusDays(100), end, null);
    }
}
