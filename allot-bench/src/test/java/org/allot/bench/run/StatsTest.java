package org.allot.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void percentilesTakeTheNearestRank() {
        List<Double> hundred = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            hundred.add((double) i);
        }
        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(hundred, 100)).isEqualTo(100.0);
        assertThat(Stats.percentile(List.of(7.0), 99)).isEqualTo(7.0);
    }

    @Test
    void aGoalOnTheRatioReadsTheRatioToTheBaseline() {
        Result fanOut = Result.of("fanout", "fan-out", "ms", List.of(4000.0, 4500.0, 4200.0))
                .withBaseline("COPY", List.of(1000.0, 1500.0, 1400.0))
                .withGoals(Goal.medianAtMost(5000), Goal.ratioAtMost(3));

        assertThat(fanOut.ratio()).isEqualTo(3.0);
        assertThat(fanOut.met(true)).isTrue();
        assertThat(fanOut.met(false)).as("not judged below full size").isNull();
        assertThat(fanOut.withGoals(Goal.ratioAtMost(2.9)).met(true)).isFalse();
    }
}
