package org.allot.server.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.GraphAnswer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI document of the API, served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    static {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(ApiCaller.class)
                .replaceWithSchema(ObjectNode.class, new ObjectSchema().description("A Graph-shaped JSON object"))
                .replaceWithSchema(GraphAnswer.class, new ObjectSchema().description("A Graph-shaped JSON object"))
                .replaceWithSchema(JsonNode.class, new ObjectSchema().description("A JSON object"));
    }

    @Bean
    OpenAPI allotOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Allot API")
                        .version("v1.0")
                        .description("Microsoft Graph v1.0-shaped licensing API under /v1.0, Allot's extensions under"
                                + " /allot/v1. Authenticate with OAuth 2.0 client credentials at /oauth2/v2.0/token.")
                        .license(new License().name("Catalogue data: CC BY 4.0 (Microsoft)")))
                .components(new Components()
                        .addSecuritySchemes(
                                "oauth2",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .flows(new OAuthFlows()
                                                .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/v2.0/token")))))
                .addSecurityItem(new SecurityRequirement().addList("oauth2"));
    }
}
