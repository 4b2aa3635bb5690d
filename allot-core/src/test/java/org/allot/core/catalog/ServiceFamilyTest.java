package org.allot.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceFamilyTest {

    @Test
    void plansAreNamedByTheServiceGraphReports() {
        assertThat(ServiceFamily.of("EXCHANGE_S_ENTERPRISE")).isEqualTo("exchange");
        assertThat(ServiceFamily.of("SHAREPOINTENTERPRISE")).isEqualTo("SharePoint");
        assertThat(ServiceFamily.of("MCOSTANDARD")).isEqualTo("MicrosoftCommunicationsOnline");
        assertThat(ServiceFamily.of("TEAMS1")).isEqualTo("TeamspaceAPI");
        assertThat(ServiceFamily.of("PROJECTWORKMANAGEMENT")).isEqualTo("ProjectWorkManagement");
        assertThat(ServiceFamily.of("INTUNE_O365")).isEqualTo("SCO");
    }

    @Test
    void aPlanOfNoKnownFamilyKeepsItsName() {
        assertThat(ServiceFamily.of("Nucleus")).isEqualTo("Nucleus");
    }

    @Test
    void aFilterNamesTheFamilyInAnyCase() {
        assertThat(ServiceFamily.is("EXCHANGE_S_ENTERPRISE", "Exchange")).isTrue();
        assertThat(ServiceFamily.is("MYANALYTICS_P2", "exchange")).isTrue();
        assertThat(ServiceFamily.is("SHAREPOINTENTERPRISE", "exchange")).isFalse();
        assertThat(ServiceFamily.is("Nucleus", "nucleus")).isTrue();
    }
}
