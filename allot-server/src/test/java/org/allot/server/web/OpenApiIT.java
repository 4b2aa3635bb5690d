package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** The API describes itself, the shapes of its request bodies included, in an OpenAPI document served without a token. */
class OpenApiIT extends ApiIT {

    @Test
    void theOpenApiDocumentListsTheApiAndItsTokenEndpoint() {
        Response doc = ApiClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .build());

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().path("info").path("title").asString()).isEqualTo("Allot API");
        assertThat(doc.body().path("paths").has("/v1.0/users/{id}/assignLicense"))
                .isTrue();
        assertThat(doc.body().path("paths").has("/allot/v1/groups/{id}/seatImpact"))
                .isTrue();
        assertThat(doc.body().path("paths").has("/allot/v1/reconciliation/runs/{id}/differences"))
                .isTrue();
        assertThat(doc.body().toString()).doesNotContain("\"caller\"");
        assertThat(doc.body()
                        .at("/paths/~1v1.0~1users/post/requestBody/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/User");
        assertThat(doc.body()
                        .at("/components/schemas/AssignLicenseRequest/properties/addLicenses/type")
                        .asString())
                .isEqualTo("array");
        assertThat(doc.body()
                        .path("components")
                        .path("securitySchemes")
                        .path("oauth2")
                        .path("flows")
                        .path("clientCredentials")
                        .path("tokenUrl")
                        .asString())
                .isEqualTo("/oauth2/v2.0/token");
    }
}
