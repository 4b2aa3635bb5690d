package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A batch line is split into words as a shell would in simple cases. */
class BatchWordsTest {
    @Test
    void quotesKeepBlanksAndBackslashesEscape() {
        assertThat(Batch.words("allot group create --name 'Sales people' --description \"a \\\"big\\\" one\""))
                .containsExactly("group", "create", "--name", "Sales people", "--description", "a \"big\" one");
        assertThat(Batch.words("group rule preview --rule 'user.department -eq \"Sales\"'"))
                .containsExactly("group", "rule", "preview", "--rule", "user.department -eq \"Sales\"");
        assertThat(Batch.words("user show ada\\ lovelace@contoso.com"))
                .containsExactly("user", "show", "ada lovelace@contoso.com");
        assertThat(Batch.words("user list --top 5  # the first five")).containsExactly("user", "list", "--top", "5");
        assertThat(Batch.words("   # a comment")).isEmpty();
        assertThat(Batch.words("")).isEmpty();
        assertThat(Batch.words("user show a#b@contoso.com")).containsExactly("user", "show", "a#b@contoso.com");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Batch.words("user show 'ada@contoso.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
    }
}
