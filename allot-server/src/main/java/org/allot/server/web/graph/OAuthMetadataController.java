package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.server.http.PublicUrl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 authorization server metadata (RFC 8414), naming the public URL and only what Allot offers: the token
 * endpoint with the client credentials grant, secrets in the header or the body, and the signing keys.
 */
@RestController
public class OAuthMetadataController {
    private final PublicUrl publicUrl;

    public OAuthMetadataController(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @GetMapping(path = "/.well-known/oauth-authorization-server", produces = "application/json")
    public Map<String, Object> metadata(HttpServletRequest request) {
        String base = publicUrl.of(request);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", base);
        metadata.put("token_endpoint", base + "/oauth2/v2.0/token");
        metadata.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        metadata.put("grant_types_supported", List.of("client_credentials"));
        metadata.put("scopes_supported", List.of("https://graph.microsoft.com/.default"));
        metadata.put("jwks_uri", base + "/discovery/v2.0/keys");
        return metadata;
    }
}
