package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.allot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

class SignInThrottleTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-24T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void anAccountIsRefusedAfterFiveFailuresWithinFifteenMinutesThenAcceptedAgain() throws Exception {
        for (int i = 1; i < SignInThrottle.MAX_FAILURES; i++) {
            assertThat(fail("Ada@Contoso.com")).isEqualTo("/login?error");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.throttled("ada@contoso.com")).isFalse();

        assertThat(fail("ada@contoso.com")).as("the fifth failure").isEqualTo("/login?locked");
        assertThat(throttle.throttled(" ADA@contoso.com ")).isTrue();
        assertThat(throttle.throttled("alan@contoso.com")).as("other accounts").isFalse();

        clock.advance(Duration.ofMinutes(11).plusSeconds(1));
        assertThat(throttle.throttled("ada@contoso.com"))
                .as("the first failure is more than fifteen minutes old")
                .isFalse();
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() throws Exception {
        for (int i = 1; i < SignInThrottle.MAX_FAILURES; i++) {
            fail("ada@contoso.com");
        }
        MockHttpServletRequest request = signIn("ada@contoso.com");
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.onAuthenticationSuccess(request, response, null);

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(fail("ada@contoso.com")).as("counting starts again").isEqualTo("/login?error");
    }

    @Test
    void aThrottledAttemptIsTurnedBackBeforeItsPasswordIsChecked() throws Exception {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            fail("ada@contoso.com");
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] passedOn = {false};
        throttle.doFilter(signIn("ada@contoso.com"), response, (req, res) -> passedOn[0] = true);

        assertThat(passedOn[0]).isFalse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?locked");
        MockHttpServletResponse other = new MockHttpServletResponse();
        throttle.doFilter(signIn("alan@contoso.com"), other, (req, res) -> passedOn[0] = true);
        assertThat(passedOn[0]).isTrue();
    }

    @Test
    void guessingManyOtherNamesDoesNotLiftALock() throws Exception {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            fail("ada@contoso.com");
        }
        for (int i = 0; i < 10_050; i++) {
            fail("nobody" + i + "@contoso.com");
        }

        assertThat(throttle.throttled("ada@contoso.com")).isTrue();
    }

    private String fail(String username) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.onAuthenticationFailure(signIn(username), response, new BadCredentialsException("wrong"));
        return response.getRedirectedUrl();
    }

    private static MockHttpServletRequest signIn(String username) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setParameter("username", username);
        request.setParameter("password", "x");
        return request;
    }
}
