package org.allot.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixedHandlerMappingTest {

    @Test
    void aPatternsBeginningEndsBeforeTheLastSlashAheadOfItsFirstVariable() {
        assertThat(PrefixedHandlerMapping.beginning("/v1.0/users/{id}/assignLicense"))
                .isEqualTo("/v1.0/users");
        assertThat(PrefixedHandlerMapping.beginning("/v1.0/users('{id}')")).isEqualTo("/v1.0");
        assertThat(PrefixedHandlerMapping.beginning("/allot/v1/groups/{id}")).isEqualTo("/allot/v1/groups");
    }

    @Test
    void wildcardsAndPathsWithoutVariablesKeepOnlyWhatEveryMatchStartsWith() {
        assertThat(PrefixedHandlerMapping.beginning("/v1.0/users/{*rest}")).isEqualTo("/v1.0/users");
        assertThat(PrefixedHandlerMapping.beginning("/css/**")).isEqualTo("/css");
        assertThat(PrefixedHandlerMapping.beginning("/admin/?x")).isEqualTo("/admin");
        assertThat(PrefixedHandlerMapping.beginning("/v1.0/organization")).isEqualTo("/v1.0");
        assertThat(PrefixedHandlerMapping.beginning("/{*path}")).isEmpty();
        assertThat(PrefixedHandlerMapping.beginning("/health")).isEmpty();
        assertThat(PrefixedHandlerMapping.beginning("")).isEmpty();
    }

    @Test
    void aPathsBeginningsEndAtEachOfItsSlashesAndAtItsEnd() {
        List<String> beginnings = new ArrayList<>();
        String path = "/v1.0/users/ada/licenseDetails";
        for (int end = 0; end >= 0; end = PrefixedHandlerMapping.nextBeginning(path, end)) {
            beginnings.add(path.substring(0, end));
        }
        assertThat(beginnings)
                .containsExactly("", "/v1.0", "/v1.0/users", "/v1.0/users/ada", "/v1.0/users/ada/licenseDetails");
    }
}
