package org.allot.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.api.extensions.GroupLicenseProcessing;
import org.junit.jupiter.api.Test;

class GroupProcessingTest {
    @Test
    void progressShowsTheServersCountsOfARunUnderWay() {
        assertThat(GroupProcessing.progress(new GroupLicenseProcessing("g", "ProcessingInProgress", 4_000, 3_990, 10)))
                .isEqualTo("ProcessingInProgress: 4,000 users processed, 3,990 licensed, 10 in error");
    }

    @Test
    void aRunNotUnderWayShowsItsStateAlone() {
        assertThat(GroupProcessing.progress(new GroupLicenseProcessing("g", "QueuedForProcessing", null, null, null)))
                .isEqualTo("QueuedForProcessing");
    }
}
