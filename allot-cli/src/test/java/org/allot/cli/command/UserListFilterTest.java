package org.allot.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The list options of 'allot user list' as the OData filters they stand for. */
class UserListFilterTest {

    @Test
    void noOptionListsEveryone() {
        assertThat(UserCommands.filter(false, null, false, false, null)).isNull();
    }

    @Test
    void optionsCombineWithAnd() {
        assertThat(UserCommands.filter(true, null, true, true, null))
                .isEqualTo("assignedLicenses/$count eq 0 and onPremisesSyncEnabled eq true and userType eq 'Guest'");
    }

    @Test
    void aProductBecomesAnAnyOverAssignedLicenses() {
        assertThat(UserCommands.filter(false, "06ebc4ee-1bb5-47dd-8120-11324bc54e06", false, false, null))
                .isEqualTo("assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)");
    }

    @Test
    void aRawFilterIsKeptWholeInParentheses() {
        assertThat(UserCommands.filter(false, null, true, false, "department eq 'Sales' or city eq 'Oslo'"))
                .isEqualTo("onPremisesSyncEnabled eq true and (department eq 'Sales' or city eq 'Oslo')");
        assertThat(UserCommands.filter(false, null, false, false, " city eq 'Oslo' "))
                .isEqualTo("city eq 'Oslo'");
    }
}
