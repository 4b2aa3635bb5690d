package org.allot.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkOutputTest {

    @Test
    void aCleanRunCountsEveryRequestAndTheCpuOfWrkNotOfTheShell() {
        Load.Rate rate = WrkOutput.rate("""
                Running 1s test @ http://127.0.0.1:18777/
                  2 threads and 4 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     5.07ms    2.96ms  16.26ms   62.36%
                    Req/Sec   396.50     93.77   640.00     85.00%
                  790 requests in 1.00s, 144.27KB read
                Requests/sec:    788.98
                Transfer/sec:    144.08KB
                0m0.002s 0m0.000s
                0m0.013s 1m0.053s
                """);

        assertThat(rate.client()).isEqualTo("wrk");
        assertThat(rate.requests()).isEqualTo(790);
        assertThat(rate.failures()).isZero();
        assertThat(rate.seconds()).isEqualTo(1.0);
        assertThat(rate.clientCpuSeconds()).isCloseTo(60.066, within(1e-9));
    }

    @Test
    void nonSuccessAnswersAndSocketErrorsAreFailuresNotRequests() {
        Load.Rate rate = WrkOutput.rate("""
                Running 2m test @ http://127.0.0.1:18777/missing
                  1 threads and 2 connections
                  1839 requests in 2.00m, 0.91MB read
                  Socket errors: connect 1, read 2, write 3, timeout 4
                  Non-2xx or 3xx responses: 39
                Requests/sec:   1835.06
                0m0.000s 0m0.002s
                0m0.011s 0m0.122s
                """);

        assertThat(rate.requests()).isEqualTo(1800);
        assertThat(rate.failures()).isEqualTo(49);
        assertThat(rate.seconds()).isEqualTo(120.0);
        assertThat(rate.client())
                .isEqualTo("wrk (39 non-2xx; socket errors: Socket errors: connect 1, read 2, write 3, timeout 4)");
    }

    @Test
    void anOutputWithoutTheTimesOfWrkIsRefused() {
        assertThatThrownBy(() -> WrkOutput.rate("  10 requests in 250.00ms, 1KB read\n0m0.000s 0m0.002s\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read wrk's output");
    }

    @Test
    void anOutputWithoutItsRequestsIsRefused() {
        String refused = """
                unable to connect to localhost:1 Connection refused
                0m0.000s 0m0.002s
                0m0.001s 0m0.003s
                """;
        assertThatThrownBy(() -> WrkOutput.rate(refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read wrk's output");
    }
}
