package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.cli.api.ApiError;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md: 0 done, 1 failure, 2 usage, 3 not found, 4 refused by a rule or conflicting, 5 differences a license
 * check left.
 */
class ExitTest {

    @Test
    void aMissingObjectIsNotFound() {
        assertThat(Exit.forResponse(404, "Request_ResourceNotFound")).isEqualTo(Exit.NOT_FOUND);
        assertThat(Exit.NOT_FOUND.code()).isEqualTo(3);
    }

    @Test
    void refusalsByALicensingRuleAndConflictsAreRefused() {
        assertThat(Exit.forResponse(400, "Request_BadRequest")).isEqualTo(Exit.REFUSED);
        assertThat(Exit.forResponse(409, "Directory_ConcurrencyViolation")).isEqualTo(Exit.REFUSED);
        assertThat(Exit.REFUSED.code()).isEqualTo(4);
    }

    @Test
    void aRequestTheServerCannotReadIsAUsageError() {
        assertThat(Exit.forResponse(400, "Request_UnsupportedQuery")).isEqualTo(Exit.USAGE);
        assertThat(Exit.forResponse(400, "BadRequest")).isEqualTo(Exit.USAGE);
        assertThat(Exit.USAGE.code()).isEqualTo(2);
    }

    @Test
    void everythingElseIsAFailure() {
        assertThat(Exit.forResponse(401, "InvalidAuthenticationToken")).isEqualTo(Exit.FAILURE);
        assertThat(Exit.forResponse(403, "Authorization_RequestDenied")).isEqualTo(Exit.FAILURE);
        assertThat(Exit.forResponse(429, "TooManyRequests")).isEqualTo(Exit.FAILURE);
        assertThat(Exit.forResponse(500, "generalException")).isEqualTo(Exit.FAILURE);
        assertThat(Exit.FAILURE.code()).isEqualTo(1);
    }

    @Test
    void differencesALicenseCheckLeftHaveACodeOfTheirOwn() {
        assertThat(Exit.DIFFERENCES.code()).isEqualTo(5);
        assertThat(Exit.values()).extracting(Exit::code).doesNotHaveDuplicates();
    }

    @Test
    void errorsPrintAsCodeAndMessage() {
        Failure failure = new ApiError(400, "Request_BadRequest", "No seat is free.").toFailure();
        assertThat(failure.line()).isEqualTo("error: Request_BadRequest: No seat is free.");
        assertThat(failure.exit()).isEqualTo(Exit.REFUSED);
    }
}
