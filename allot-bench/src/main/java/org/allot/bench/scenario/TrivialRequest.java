package org.allot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.bench.harness.Load;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;

/**
 * The trivial request: {@code GET /v1.0/organization} with a bearer token, 16 kept-alive connections, against a
 * static file of the same server ({@code /css/allot.css}, no token) from the same client in the same run — the cost
 * of checking a token and running the API's filters and controller, on top of what any request costs. The client is
 * wrk when installed; its own CPU time says whether it could have gone five times faster than the server's static
 * file (else it, not the server, was the limit). The server's CPU time per request is measured too (started by the
 * harness only), which the load of the rest of the machine barely moves.
 */
public final class TrivialRequest implements Scenario {
    private static final String STATIC = "/css/allot.css";
    private static final String TRIVIAL = "/v1.0/organization";
    private static final int CONNECTIONS = 16;
    private static final int MIN_WARM_UP_ROUNDS = 2;
    private static final int MAX_WARM_UP_ROUNDS = 6;
    private static final int SETTLED_PERCENT = 10;
    /**
     * Authenticated requests the warm-up makes at least (full size), if its rounds allow: before the JIT's second
     * compiler starts, the CPU per request can stay flat for two rounds and still halve afterwards.
     */
    private static final long MIN_WARM_UP_REQUESTS = 50_000;

    @Override
    public String id() {
        return "trivial";
    }

    @Override
    public String title() {
        return "trivial authenticated request against a static file of the same server";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        Duration duration = Duration.ofSeconds(context.sizes().fullSize() ? 10 : 2);
        String url = target.api().url();
        String bearer = "Bearer " + target.api().accessToken();
        Optional<ServerProcess> server = target.server();
        List<Double> trivial = new ArrayList<>();
        List<Double> files = new ArrayList<>();
        List<Double> trivialCpu = new ArrayList<>();
        List<Double> fileCpu = new ArrayList<>();
        List<Double> capacity = new ArrayList<>();
        String client = "";
        warmUp(server, context, url, bearer, duration, context.sizes().fullSize() ? MIN_WARM_UP_REQUESTS : 0);
        for (int run = 0; run < context.runs(); run++) {
            Measured file = measure(server, () -> Load.get(url + STATIC, null, CONNECTIONS, duration));
            Measured api = measure(server, () -> Load.get(url + TRIVIAL, bearer, CONNECTIONS, duration));
            client = api.rate().client();
            context.say(
                    "%s (%s): %s %,.0f/s (%.0f µs server CPU each); %s %,.0f/s (%.0f µs); ratio %.2f;"
                            + " client capacity %,.0f/s; failures %d",
                    "run " + (run + 1),
                    client,
                    STATIC,
                    file.rate().perSecond(),
                    file.serverMicros(),
                    TRIVIAL,
                    api.rate().perSecond(),
                    api.serverMicros(),
                    api.rate().perSecond() / file.rate().perSecond(),
                    Math.min(file.rate().clientCapacity(), api.rate().clientCapacity()),
                    file.rate().failures() + api.rate().failures());
            if (file.rate().failures() + api.rate().failures() > 0) {
                throw new IllegalStateException("requests failed under load: " + file.rate() + ", " + api.rate());
            }
            files.add(file.rate().perSecond());
            trivial.add(api.rate().perSecond());
            fileCpu.add(file.serverMicros());
            trivialCpu.add(api.serverMicros());
            capacity.add(Math.min(file.rate().clientCapacity(), api.rate().clientCapacity()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("client", client);
        details.put("connections", CONNECTIONS);
        details.put("secondsPerMeasurement", duration.toSeconds());
        List<Result> results = new ArrayList<>();
        results.add(Result.of(
                        id(),
                        "GET " + TRIVIAL + " with a token, " + CONNECTIONS + " connections",
                        "requests/s",
                        trivial)
                .withBaseline("GET " + STATIC + ", same client and connections (requests/s)", files)
                .withGoals(Goal.ratioAtLeast(0.8))
                .withDetails(details));
        if (server.isPresent()) {
            results.add(Result.of(id(), "server CPU per authenticated request", "µs", trivialCpu)
                    .withBaseline("server CPU per static file request (µs)", fileCpu));
        }
        results.add(Result.of(id(), "load client (" + client + ") capacity, all cores", "requests/s", capacity)
                .withBaseline("GET " + STATIC + " (requests/s)", files)
                .withGoals(Goal.ratioAtLeast(5))
                .withDetails(Map.of(
                        "meaning",
                        "requests per second the client could make with every core to itself, from its own CPU time;"
                                + " below 5x the static file's rate the client, not the server, may be the limit")));
        return results;
    }

    /**
     * Rounds of both requests, each as long as a run, until the JIT has compiled their paths: at least {@value
     * #MIN_WARM_UP_ROUNDS} rounds (the 20 s of each the warm-up was before), then more until the server's CPU per
     * authenticated request has changed by less than {@value #SETTLED_PERCENT}% from one round to the next and at
     * least {@value #MIN_WARM_UP_REQUESTS} authenticated requests were made (full size), at most {@value
     * #MAX_WARM_UP_ROUNDS} rounds. On a loaded machine 20 s were a few thousand requests, and the server's CPU
     * per request still fell by half over the measured runs (388, 210, 160 µs on 2026-12-05). Without a server of
     * the harness's own (no CPU to read), the minimum.
     */
    private static void warmUp(
            Optional<ServerProcess> server,
            Context context,
            String url,
            String bearer,
            Duration duration,
            long minimumRequests) {
        double previous = Double.NaN;
        long requests = 0;
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            Measured file = measure(server, () -> Load.get(url + STATIC, null, CONNECTIONS, duration));
            Measured api = measure(server, () -> Load.get(url + TRIVIAL, bearer, CONNECTIONS, duration));
            context.say(
                    "warm-up %d: %s %,.0f/s (%.0f µs server CPU each); %s %,.0f/s (%.0f µs)",
                    round,
                    STATIC,
                    file.rate().perSecond(),
                    file.serverMicros(),
                    TRIVIAL,
                    api.rate().perSecond(),
                    api.serverMicros());
            requests += api.rate().requests();
            boolean settled = Math.abs(api.serverMicros() - previous) < previous * SETTLED_PERCENT / 100.0
                    && requests >= minimumRequests;
            if (round >= MIN_WARM_UP_ROUNDS && (settled || server.isEmpty())) {
                return;
            }
            previous = api.serverMicros();
        }
    }

    private record Measured(Load.Rate rate, double serverMicros) {}

    private static Measured measure(Optional<ServerProcess> server, java.util.function.Supplier<Load.Rate> load) {
        double before = server.map(ServerProcess::cpuSeconds).orElse(Double.NaN);
        Load.Rate rate = load.get();
        double after = server.map(ServerProcess::cpuSeconds).orElse(Double.NaN);
        return new Measured(rate, (after - before) / rate.requests() * 1e6);
    }
}
