package org.allot.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an access token says, read as any client could read it (its signature is the server's business). */
public record AccessToken(JsonNode header, JsonNode claims) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static AccessToken parse(String token) {
        String[] parts = token.split("\\.");
        return new AccessToken(part(parts[0]), part(parts[1]));
    }

    public String issuer() {
        return claims.path("iss").asString();
    }

    /** The audiences, whether the token names one as a string or several as an array. */
    public List<String> audiences() {
        JsonNode aud = claims.path("aud");
        List<String> all = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> all.add(a.asString()));
        } else if (!aud.isMissingNode()) {
            all.add(aud.asString());
        }
        return all;
    }

    public String keyId() {
        return header.path("kid").asString();
    }

    private static JsonNode part(String base64) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8));
    }
}
