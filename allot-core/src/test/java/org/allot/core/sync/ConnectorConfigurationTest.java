package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

/** Configuring the connector: its password kept sealed and never shown, settings refused with their reason. */
class ConnectorConfigurationTest {
    private final SyncScenario contoso = SyncScenario.contoso();

    @Test
    void theConnectorKeepsItsPasswordSealedAndNeverShowsIt() {
        Connector connector = contoso.connector();

        assertThat(connector.passwordSet()).isTrue();
        assertThat(connector.toString()).doesNotContain("s3cret!");
        assertThat(contoso.connectors.sealedPassword(contoso.contoso.tenant).orElseThrow())
                .doesNotContain("s3cret!");
    }

    @Test
    void aBindDnNeedsAPassword() {
        SyncScenario fresh = SyncScenario.unconfigured();
        ConnectorRequest ad = SyncScenario.activeDirectory();
        ConnectorRequest noPassword = new ConnectorRequest(
                ad.preset(), ad.url(), null, null, ad.bindDn(), null, ad.baseDns(), null, null, Map.of(), true);

        assertThat(fresh.sync.configure(fresh.admin, noPassword).rejection().message())
                .isEqualTo("A password is needed to bind as CN=allot-sync,OU=Service,DC=contoso,DC=com.");
        assertThat(fresh.sync.connector(fresh.contoso.tenant)).isEmpty();
        assertThat(contoso.sync.configure(contoso.admin, noPassword).value().passwordSet())
                .as("a connector that has one keeps it")
                .isTrue();
    }

    @Test
    void badSettingsAreRefusedWithTheirReason() {
        ConnectorRequest ad = SyncScenario.activeDirectory();
        ConnectorRequest http = new ConnectorRequest(
                ad.preset(), "https://dc1", null, null, null, null, ad.baseDns(), null, null, Map.of(), true);
        ConnectorRequest location = new ConnectorRequest(
                ad.preset(),
                ad.url(),
                null,
                null,
                null,
                null,
                ad.baseDns(),
                null,
                null,
                Map.of("usageLocation", "c"),
                true);

        assertThat(contoso.sync.configure(contoso.admin, http).rejection().message())
                .startsWith("url must be");
        assertThat(contoso.connector().settings().url()).isEqualTo("ldaps://dc1.contoso.com");
        assertThat(contoso.sync.configure(contoso.admin, location).isDone()).isTrue();
    }
}
