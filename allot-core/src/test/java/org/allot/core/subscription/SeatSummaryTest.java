package org.allot.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatSummaryTest {

    @Test
    void seatsLoweredBelowUseShowAnOverageAndSayWhatItMeans() {
        SeatSummary seats = SeatSummary.of(new SeatCount(new LicenseUnits(2, 0, 0, 0), 5, 1));

        assertThat(seats).isEqualTo(new SeatSummary(2, 5, 0, 1, 3));
        assertThat(seats.overAllocated()).isTrue();
        assertThat(seats.overageMeaning("Office 365 E3"))
                .isEqualTo("5 users hold Office 365 E3 but only 2 seats are bought: 3 seats are over. Nobody loses the"
                        + " license yet, but nobody else gets it (new assignments wait) until you add 3 seats or remove 3"
                        + " licenses.");
    }

    @Test
    void warningSeatsCountInTheTotalAndNoOverageSaysNothing() {
        SeatSummary seats = SeatSummary.of(new SeatCount(new LicenseUnits(10, 2, 5, 0), 11, 0));

        assertThat(seats).isEqualTo(new SeatSummary(12, 11, 0, 0, 0));
        assertThat(seats.overAllocated()).isFalse();
        assertThat(seats.overageMeaning("EMS")).isEmpty();
    }
}
