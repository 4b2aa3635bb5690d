package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.graph.Organization;
import org.allot.cli.api.Api;
import org.allot.cli.output.Item;
import tools.jackson.databind.JsonNode;

/** Who the credentials are: the tenant, the app and its roles, read from the access token and the organization. */
record Identity(String url, String tenantId, String tenant, String appId, String app, List<String> roles) {

    static Identity of(Api api) {
        JsonNode claims = Api.claims(api.token());
        List<Organization> organizations = api.list("/v1.0/organization", Organization.class);
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(r -> roles.add(r.asString()));
        return new Identity(
                api.credentials().url(),
                claims.path("tid").asString(""),
                organizations.isEmpty() ? null : organizations.get(0).displayName(),
                claims.path("appid").asString(""),
                claims.path("app_displayname").asString(null),
                roles);
    }

    Item item() {
        return Item.of()
                .put("url", url)
                .put("tenant", tenant)
                .put("tenantId", tenantId)
                .put("app", app)
                .put("appId", appId)
                .put("roles", roles);
    }
}
