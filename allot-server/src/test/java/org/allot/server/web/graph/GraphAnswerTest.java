package org.allot.server.web.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.api.graph.GroupResource;
import org.allot.api.graph.UserResource;
import org.allot.core.query.Entity;
import org.allot.server.http.PublicUrl;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resource written by {@link GraphAnswer} is, byte for byte, what {@link Responses#entity} answers through its
 * tree: the same properties in the same order, absent and null ones as {@code null}, times and nested objects
 * written alike, {@code @odata.type} only without {@code $select}.
 */
class GraphAnswerTest {
    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private final Responses responses = new Responses(json, PublicUrl.of("https://allot.example"));

    private final UserResource licensed = json.readValue("""
            {"@odata.type":"#microsoft.graph.user","id":"5d3c8c68-8f7e-4a55-9b7c-0f7c0c6a1e11","accountEnabled":true,
             "assignedLicenses":[{"disabledPlans":["a0b1c2d3-0000-4000-8000-000000000001"],
               "skuId":"6fd2c87f-b296-42f0-b197-1e91e994b900"},{"disabledPlans":[],
               "skuId":"efccb6f7-5641-4e0e-bd10-b4976e1bf68e"}],
             "assignedPlans":[{"assignedDateTime":"2026-12-05T02:40:20.123456Z","capabilityStatus":"Enabled",
               "service":"exchange","servicePlanId":"efb87545-963c-4e0d-99df-69c6916d9eb0"}],
             "businessPhones":[],"createdDateTime":"2026-01-02T03:04:05Z","displayName":"Ada Lovelace",
             "givenName":"Ada","jobTitle":null,"mail":"ada@contoso.example","surname":"Lovelace",
             "onPremisesExtensionAttributes":{"extensionAttribute1":"one"},
             "usageLocation":"GB","userPrincipalName":"ada@contoso.example","userType":"Member"}""", UserResource.class);

    @Test
    void aUserWithItsDefaultPropertiesIsWrittenAsTheTreeWroteIt() {
        same(new MockHttpServletRequest("POST", "/v1.0/users"), licensed, null, UserResources.USER_DEFAULT);
    }

    @Test
    void aUserWithItsLicensesIsWrittenAsTheTreeWroteIt() {
        same(
                new MockHttpServletRequest("POST", "/v1.0/users/x/assignLicense"),
                licensed,
                null,
                UserResources.withLicenses());
    }

    @Test
    void selectedPropertiesAreWrittenInTheirOrderWithoutTheType() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/users/x");
        request.setParameter("$select", "usageLocation,assignedPlans,id,createdDateTime,deletedDateTime,city");
        ODataQuery query =
                ODataQuery.of(request, Entity.USER, UserResources.USER_PROPERTIES, ODataQuery.SELECT_AND_EXPAND);
        same(request, licensed, query, UserResources.USER_DEFAULT);
        String written = json.writeValueAsString(
                responses.answer(request, "users/$entity", licensed, query, UserResources.USER_DEFAULT));
        assertThat(written).doesNotContain("@odata.type").contains("\"deletedDateTime\":null");
    }

    @Test
    void defaultsNamingTheTypeWriteItOnce() {
        GroupResource group = json.readValue("""
                {"@odata.type":"#microsoft.graph.group","id":"1b3c8c68-8f7e-4a55-9b7c-0f7c0c6a1e11",
                 "displayName":"Staff","groupTypes":[],"securityEnabled":true}""", GroupResource.class);
        Set<String> defaults = new LinkedHashSet<>(List.of("displayName", "@odata.type", "id", "groupTypes"));
        same(new MockHttpServletRequest("POST", "/v1.0/groups"), group, null, defaults);
    }

    private void same(MockHttpServletRequest request, Object value, ODataQuery query, Set<String> defaults) {
        String tree = json.writeValueAsString(responses.entity(request, "users/$entity", value, query, defaults));
        String streamed = json.writeValueAsString(responses.answer(request, "users/$entity", value, query, defaults));
        assertThat(streamed).isEqualTo(tree);
    }
}
