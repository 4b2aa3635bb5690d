package org.allot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's checks in plain code accept and refuse exactly what its default regular expressions do. */
class RequestFirewallTest {
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneAndAfterAsciiIsJudgedAsTheRegularExpressionsJudgeIt() {
        List<String> differences = new ArrayList<>();
        for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
            String alone = new String(Character.toChars(point));
            for (String value : List.of(alone, "Bearer abc" + alone, alone + "x")) {
                if (RequestFirewall.allowedName(value) != NAMES.matcher(value).matches()
                        || RequestFirewall.allowedHeaderValue(value)
                                != HEADER_VALUES.matcher(value).matches()) {
                    differences.add(Integer.toHexString(point));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void unpairedSurrogatesAndEmptyValuesAreJudgedAsTheRegularExpressionsJudgeThem() {
        for (String value : List.of("", "\uD800", "a\uDC00b", "\uD83D\uDE00", "\uDE00\uD83D", "\t", "a\tb", "\u007f")) {
            assertThat(RequestFirewall.allowedName(value))
                    .as("name %s", value)
                    .isEqualTo(NAMES.matcher(value).matches());
            assertThat(RequestFirewall.allowedHeaderValue(value))
                    .as("value %s", value)
                    .isEqualTo(HEADER_VALUES.matcher(value).matches());
        }
    }

    @Test
    void aRequestIsRefusedForAControlCharacterInAHeaderItReadsAndPassesOtherwise() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/organization");
        request.addHeader("Authorization", "Bearer abc.def");
        request.addHeader("X-Bad", "one\u0000two");
        request.addHeader("X-Tab", "one\ttwo");
        FirewalledRequest firewalled = RequestFirewall.strict().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer abc.def");
        assertThat(firewalled.getHeader("X-Tab")).isEqualTo("one\ttwo");
        assertThatThrownBy(() -> firewalled.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void theUrlRulesOfTheStrictFirewallStay() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/users;jsessionid=x");

        assertThatThrownBy(() -> RequestFirewall.strict().getFirewalledRequest(request))
                .isInstanceOf(RequestRejectedException.class);
    }
}
