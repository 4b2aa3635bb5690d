package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.allot.server.http.GraphErrorBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

/** The API's rate limit holds across the nodes a load balancer spreads an app's requests over. */
class RateLimitsTest {
    private static final GraphErrorBodies ERRORS =
            new GraphErrorBodies(JsonMapper.builder().build(), Clock.systemUTC());

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void threeNodesTogetherLetAnAppMakeNoMoreThanTheLimitInAPeriod() throws Exception {
        List<RateLimits> nodes = List.of(
                new RateLimits(ERRORS, 30, Duration.ofHours(1), 3),
                new RateLimits(ERRORS, 30, Duration.ofHours(1), 3),
                new RateLimits(ERRORS, 30, Duration.ofHours(1), 3));

        int served = 0;
        for (int i = 0; i < 90; i++) {
            if (send(nodes.get(i % 3), "app") == 200) {
                served++;
            }
        }

        assertThat(served).as("requests served by the three nodes together").isEqualTo(30);
        assertThat(send(nodes.get(0), "another app"))
                .as("other apps are not held back")
                .isEqualTo(200);
    }

    @Test
    void aLimitThatDoesNotDivideEvenlyIsRoundedDownSoThatTheSumStaysWithinIt() throws Exception {
        List<RateLimits> nodes = List.of(
                new RateLimits(ERRORS, 10, Duration.ofHours(1), 3),
                new RateLimits(ERRORS, 10, Duration.ofHours(1), 3),
                new RateLimits(ERRORS, 10, Duration.ofHours(1), 3));

        int served = 0;
        for (int i = 0; i < 30; i++) {
            if (send(nodes.get(i % 3), "app") == 200) {
                served++;
            }
        }

        assertThat(nodes.get(0).share()).isEqualTo(3);
        assertThat(served).isEqualTo(9);
    }

    @Test
    void aShareRefillsAtItsShareOfTheRate() throws Exception {
        // 6 per second across 3 nodes: each node 2 now, and 2 more every second
        RateLimits node = new RateLimits(ERRORS, 6, Duration.ofSeconds(1), 3);
        assertThat(send(node, "app")).isEqualTo(200);
        assertThat(send(node, "app")).isEqualTo(200);
        MockHttpServletResponse refused = answer(node, "app");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("at most 6 per 1 seconds");
    }

    @Test
    void aNodeCountBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimits(ERRORS, 6, Duration.ofSeconds(1), 0))
                .hasMessageContaining("allot.cluster.nodes");
    }

    private static int send(RateLimits node, String app) throws Exception {
        return answer(node, app).getStatus();
    }

    private static MockHttpServletResponse answer(RateLimits node, String app) throws Exception {
        Jwt token = new Jwt(
                "t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), Map.of("appid", app));
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/organization");
        MockHttpServletResponse response = new MockHttpServletResponse();
        node.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
