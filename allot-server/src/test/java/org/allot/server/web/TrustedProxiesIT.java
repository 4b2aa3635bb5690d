package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;

/**
 * Without {@code allot.public-url}, links and the tokens' issuer name the server's own address, unless a trusted
 * reverse proxy (here {@link #TRUSTED_PROXY}) says which URL clients used; forged headers from anyone else change
 * nothing.
 */
class TrustedProxiesIT extends ApiIT {
    private static final Map<String, String> FORGED = Map.of(
            "Host", "evil.example",
            "X-Forwarded-Host", "evil-forwarded.example",
            "X-Forwarded-Proto", "https",
            "Forwarded", "host=evil-standard.example;proto=https");
    private static final Map<String, String> THROUGH_THE_PROXY = Map.of(
            "Host", "10.0.0.5:8080",
            "X-Forwarded-Host", "allot.corp.example",
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Port", "443",
            "X-Forwarded-For", "198.51.100.7");

    @Test
    void headersFromAnAddressThatIsNoTrustedProxyNameNothing() {
        ApiClient admin = tenantWithTwoUsers();

        RawHttp.Answer page = RawHttp.to(port).get("/v1.0/users?$top=1", PublicUrlIT.with(FORGED, admin.token()));
        RawHttp.Answer token = PublicUrlIT.tokenRequest(RawHttp.to(port), admin, FORGED);

        assertThat(page.status()).isEqualTo(200);
        String link = page.json().path("@odata.nextLink").asString();
        assertThat(link).startsWith("http://").contains(":" + port + "/v1.0/users?");
        assertThat(page.body()).doesNotContain("evil");
        String issuer =
                AccessToken.parse(token.json().path("access_token").asString()).issuer();
        assertThat(issuer).isEqualTo(link.substring(0, link.indexOf("/v1.0/")) + "/" + admin.tenant + "/v2.0");
    }

    @Test
    void aTrustedProxyTellsWhichUrlClientsUse() {
        ApiClient admin = tenantWithTwoUsers();
        RawHttp proxy = RawHttp.to(port).from(TRUSTED_PROXY);

        RawHttp.Answer token = PublicUrlIT.tokenRequest(proxy, admin, THROUGH_THE_PROXY);
        String accessToken = token.json().path("access_token").asString();
        RawHttp.Answer page = proxy.get("/v1.0/users?$top=1", PublicUrlIT.with(THROUGH_THE_PROXY, accessToken));

        assertThat(AccessToken.parse(accessToken).issuer())
                .isEqualTo("https://allot.corp.example/" + admin.tenant + "/v2.0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("@odata.nextLink").asString()).startsWith("https://allot.corp.example/v1.0/users?");
        RawHttp.Answer direct =
                RawHttp.to(port).get("/v1.0/organization", PublicUrlIT.with(Map.of("Host", "localhost"), accessToken));
        assertThat(direct.status())
                .as("a token issued for the proxy's URL is not good at another")
                .isEqualTo(401);
    }

    private ApiClient tenantWithTwoUsers() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (String name : List.of("ann", "bob")) {
            admin.post("/v1.0/users", """
                    {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s"}""".formatted(name, name, name, admin.domain));
        }
        return admin;
    }
}
