package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.server.http.PublicUrl;
import org.allot.server.security.OAuthErrors;
import org.allot.server.security.OAuthTenant;
import org.allot.server.security.OAuthTenants;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenID Provider metadata of a tenant, where Entra publishes it and MSAL and Azure Identity read it ({@code
 * /{tenant}/v2.0/.well-known/openid-configuration}), naming the public URL and only what Allot offers: the token
 * endpoint with the client credentials grant and the signing keys. For a tenant id, or a domain one tenant verified,
 * the issuer and the token endpoint name that tenant's id; for {@code organizations}, {@code common} or a domain
 * several tenants verified, the issuer is Entra's template {@code {public-url}/{tenantid}/v2.0} and the token endpoint
 * keeps the segment (the client's tenant is used). A segment that names no tenant gets 400 {@code invalid_tenant}
 * (AADSTS90002), as from Entra.
 */
@RestController
public class OpenIdConfigurationController {
    /** Where Entra's metadata for several tenants names the tenant a token will carry. */
    static final String TENANT_TEMPLATE = "{tenantid}";

    private final OAuthTenants tenants;
    private final PublicUrl publicUrl;

    public OpenIdConfigurationController(OAuthTenants tenants, PublicUrl publicUrl) {
        this.tenants = tenants;
        this.publicUrl = publicUrl;
    }

    @GetMapping(path = "/{tenant}/v2.0/.well-known/openid-configuration", produces = "application/json")
    public ResponseEntity<Map<String, Object>> configuration(
            @PathVariable("tenant") String segment, HttpServletRequest request) {
        return tenants.resolve(segment)
                .map(named ->
                        ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(metadata(named, request)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.BAD_REQUEST)
                        .cacheControl(CacheControl.noStore())
                        .body(OAuthErrors.body("invalid_tenant", OAuthTenants.notFound(segment))));
    }

    private Map<String, Object> metadata(OAuthTenant named, HttpServletRequest request) {
        String base = publicUrl.of(request);
        String tenant = named.single().map(t -> t.value().toString()).orElse(null);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", publicUrl.issuer(request, tenant != null ? tenant : TENANT_TEMPLATE));
        metadata.put("token_endpoint", base + "/" + (tenant != null ? tenant : named.segment()) + "/oauth2/v2.0/token");
        metadata.put("jwks_uri", base + "/discovery/v2.0/keys");
        metadata.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        metadata.put("grant_types_supported", List.of("client_credentials"));
        metadata.put("scopes_supported", List.of("https://graph.microsoft.com/.default"));
        metadata.put("response_types_supported", List.of());
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of());
        metadata.put(
                "claims_supported", List.of("iss", "aud", "sub", "tid", "appid", "app_displayname", "roles", "idtyp"));
        return metadata;
    }
}
