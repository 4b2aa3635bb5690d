package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token read in plain code: the same token, or the same refusal, as Spring Security's default resolver. */
class BearerTokensTest {
    private final BearerTokens tokens = new BearerTokens();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @Test
    void aBearerTokenIsReadAfterTheSchemeInAnyCase() {
        assertThat(tokens.resolve(request("Bearer eyJ0.eyJ1.c2ln"))).isEqualTo("eyJ0.eyJ1.c2ln");
        assertThat(tokens.resolve(request("bEaReR a-b_c~d+e/f=="))).isEqualTo("a-b_c~d+e/f==");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(tokens.resolve(new MockHttpServletRequest())).isNull();
        assertThat(tokens.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(tokens.resolve(request("Bear"))).isNull();
    }

    @Test
    void aMalformedBearerTokenIsRefused() {
        for (String header : List.of(
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer a b",
                "Bearer =abc",
                "Bearer a=b",
                "Bearer abc\n",
                "Bearerabc",
                "Bearer\tabc",
                "Bearer abcé")) {
            assertThatThrownBy(() -> tokens.resolve(request(header)))
                    .as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessage("Bearer token is malformed");
        }
    }

    @Test
    void randomHeadersAreReadOrRefusedAsTheDefaultResolverDoes() {
        Random random = new Random(14);
        String alphabet = "Bb eEaArR=-._~+/\t\nxZ09é%";
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = header.toString();
            if (!outcome(tokens, value).equals(outcome(reference, value))) {
                differences.add(value);
            }
        }
        assertThat(differences).isEmpty();
    }

    private static String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        try {
            return "token " + resolver.resolve(request(header));
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getMessage();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/organization");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
