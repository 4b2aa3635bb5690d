package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.allot.core.TenantId;
import org.junit.jupiter.api.Test;

class InitialDomainsTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001"));

    @Test
    void theTenantsNameBecomesALabelUnderAllotLocal() {
        assertThat(InitialDomains.choose("Contoso", TENANT, d -> true)).isEqualTo("contoso.allot.local");
        assertThat(InitialDomains.choose("  Contoso Ltd. (UK) ", TENANT, d -> true))
                .isEqualTo("contoso-ltd-uk.allot.local");
        assertThat(InitialDomains.choose("Åland Öl", TENANT, d -> true)).isEqualTo("land-l.allot.local");
        assertThat(InitialDomains.choose("---", TENANT, d -> true)).isEqualTo("tenant.allot.local");
        assertThat(InitialDomains.choose("x".repeat(39) + " yz", TENANT, d -> true))
                .as("at most 40 characters, no hyphen at the end")
                .isEqualTo("x".repeat(39) + ".allot.local");
    }

    @Test
    void aLabelAnotherTenantHasTakesTheStartOfTheTenantsId() {
        assertThat(InitialDomains.choose("Contoso", TENANT, d -> false)).isEqualTo("contoso-1a2b3c4d.allot.local");
    }

    @Test
    void domainsUnderAllotLocalAreReserved() {
        assertThat(InitialDomains.reserved("allot.local")).isTrue();
        assertThat(InitialDomains.reserved("Contoso.Allot.Local")).isTrue();
        assertThat(InitialDomains.reserved("notallot.local")).isFalse();
        assertThat(InitialDomains.reserved("contoso.com")).isFalse();
    }
}
