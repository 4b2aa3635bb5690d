package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudSecurityIdentifiersTest {

    @Test
    void anObjectIdReadsAsFourNumbersInWindowsByteOrder() {
        assertThat(CloudSecurityIdentifiers.of(UUID.fromString("73d664e4-0886-4a73-b745-c694da45ddb4")))
                .isEqualTo("S-1-12-1-1943430372-1249052806-2496021943-3034400218");
    }

    @Test
    void theNumbersAreUnsigned() {
        assertThat(CloudSecurityIdentifiers.of(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")))
                .isEqualTo("S-1-12-1-4294967295-4294967295-4294967295-4294967295");
        assertThat(CloudSecurityIdentifiers.of(UUID.fromString("00000001-0002-0003-0400-000000000005")))
                .isEqualTo("S-1-12-1-1-196610-4-83886080");
    }
}
