package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorRequestTest {

    @Test
    void presetsFillTheFilters() {
        ConnectorSettings ad = request("activeDirectory", "ldap://DC1.contoso.com:389", false)
                .settings()
                .value();
        ConnectorSettings ldap = request("generic-ldap", "ldaps://ldap.contoso.com", false)
                .settings()
                .value();

        assertThat(ad.url()).isEqualTo("ldap://dc1.contoso.com:389");
        assertThat(ad.userFilter()).isEqualTo("(&(objectClass=user)(!(objectClass=computer)))");
        assertThat(ad.deltaStrategy()).isEqualTo(DeltaStrategy.USN_CHANGED);
        assertThat(ldap.groupFilter()).isEqualTo("(objectClass=groupOfNames)");
        assertThat(ldap.port()).isEqualTo(636);
        assertThat(ldap.deltaStrategy()).isEqualTo(DeltaStrategy.MODIFY_TIMESTAMP);
    }

    @Test
    void severalDomainControllersAreKeptInOrderAndShareTheirScheme() {
        ConnectorSettings two =
                bound(" ldaps://DC1.contoso.com, ldaps://dc2.contoso.com:3269  ldaps://dc1.contoso.com");

        assertThat(two.url()).isEqualTo("ldaps://dc1.contoso.com ldaps://dc2.contoso.com:3269");
        assertThat(two.urls()).containsExactly("ldaps://dc1.contoso.com", "ldaps://dc2.contoso.com:3269");
        assertThat(two.host()).isEqualTo("dc1.contoso.com");
        assertThat(two.at(two.urls().get(1)).port()).isEqualTo(3269);
        assertThat(two.sameTarget(bound("ldaps://dc1.contoso.com:636 ldaps://DC2.contoso.com:3269")))
                .isTrue();
        assertThat(two.sameTarget(bound("ldaps://dc1.contoso.com ldaps://evil.example")))
                .isFalse();
        assertThat(two.sameTarget(bound("ldaps://dc1.contoso.com"))).isFalse();
        assertThat(request(null, "ldaps://dc1 ldap://dc2", false)
                        .settings()
                        .rejection()
                        .message())
                .contains("must all be ldaps:// or all ldap://");
        assertThat(request(null, "ldaps://dc1 http://dc2", false)
                        .settings()
                        .rejection()
                        .message())
                .startsWith("url must be");
    }

    @Test
    void urlsAreLdapOrLdaps() {
        assertThat(request(null, "http://dc1", false).settings().rejection().message())
                .startsWith("url must be");
        assertThat(request(null, "ldap://dc1/dc=contoso", false).settings().isDone())
                .isFalse();
        assertThat(request(null, "ldaps://dc1", true).settings().rejection().message())
                .startsWith("StartTLS");
        assertThat(request(null, "ldap://dc1", true).settings().value().startTls())
                .isTrue();
        assertThat(request("novell", "ldap://dc1", false).settings().rejection().message())
                .contains("activeDirectory or genericLdap");
    }

    @Test
    void aBaseDnIsRequired() {
        ConnectorRequest none = new ConnectorRequest(
                null, "ldap://dc1", null, null, null, null, List.of(" "), null, null, Map.of(), null);

        assertThat(none.settings().rejection().message()).startsWith("At least one base DN is needed");
    }

    @Test
    void passwordsAndCertificatesHaveALimit() {
        ConnectorRequest longPassword = new ConnectorRequest(
                null,
                "ldap://dc1",
                null,
                null,
                null,
                "p".repeat(1025),
                List.of("DC=contoso"),
                null,
                null,
                Map.of(),
                null);
        ConnectorRequest longCertificate = new ConnectorRequest(
                null,
                "ldap://dc1",
                null,
                "-----BEGIN CERTIFICATE-----" + "A".repeat(70_000),
                null,
                null,
                List.of("DC=contoso"),
                null,
                null,
                Map.of(),
                null);

        assertThat(longPassword.settings().rejection().message())
                .isEqualTo("password must be at most 1024 characters.");
        assertThat(longCertificate.settings().rejection().message()).startsWith("trustedCertificate must be at most");
    }

    private static ConnectorSettings bound(String url) {
        return new ConnectorRequest(
                        null,
                        url,
                        false,
                        null,
                        "CN=sync,DC=contoso,DC=com",
                        null,
                        List.of("DC=contoso,DC=com"),
                        null,
                        null,
                        Map.of(),
                        null)
                .settings()
                .value();
    }

    private static ConnectorRequest request(String preset, String url, boolean startTls) {
        return new ConnectorRequest(
                preset, url, startTls, null, null, null, List.of("DC=contoso,DC=com"), null, null, Map.of(), null);
    }
}
