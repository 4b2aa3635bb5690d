package org.allot.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies of the right shape and types that a rule of the domains, users and sync endpoints refuses. */
final class RuleBreakingBodies {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleBreakingBodies() {}

    /**
     * Bodies of the right shape and types that a rule refuses: domains that are no domain names or the tenant's
     * already, an immutable id another user holds, a connector mapping an attribute twice or naming a host DNS cannot
     * hold, a threshold too large for its type.
     */
    static Map<String, List<String>> of(String domain, String takenAnchor, ObjectNode connector) {
        Map<String, List<String>> ruleBreakingBodies = new HashMap<>();
        ruleBreakingBodies.put(
                "POST /v1.0/domains",
                List.of(
                        "{\"id\":\"127.0.0.1\"}",
                        "{\"id\":\"" + "a".repeat(10_000) + ".example\"}",
                        "{\"id\":\"m\u00fcnchen.example\"}",
                        "{\"id\":\"fuzz.allot.local\"}",
                        "{\"id\":\"" + domain.toUpperCase(java.util.Locale.ROOT) + "\"}",
                        "{\"id\":\"a\\u0007.example\"}",
                        "{\"id\":\"\"}"));
        ruleBreakingBodies.put("PATCH /v1.0/domains/{id}", List.of("{\"isDefault\":false}"));
        ruleBreakingBodies.put(
                "PATCH /v1.0/users/{id}",
                List.of(
                        "{\"onPremisesImmutableId\":\"" + takenAnchor + "\"}",
                        "{\"department\":\"Half\",\"onPremisesImmutableId\":\"" + takenAnchor + "\"}",
                        "{\"onPremisesImmutableId\":\"\"}",
                        "{\"onPremisesExtensionAttributes\":{\"extensionAttribute16\":\"x\"}}",
                        "{\"onPremisesSamAccountName\":\"ada\"}"));
        List<String> connectors = new ArrayList<>();
        for (String change : List.of(
                "{\"mapping\":{\"department\":\"ou\",\"DEPARTMENT\":\"title\"}}",
                "{\"url\":\"ldap://" + "h".repeat(10_000) + "\"}",
                "{\"url\":\"ldap://a ldaps://b\"}",
                "{\"excludedDns\":[\"OU=Elsewhere,DC=fabrikam,DC=com\"]}",
                "{\"mapping\":{\"onPremisesImmutableId\":\"\"}}",
                "{\"deletionCheckMinutes\":43201}")) {
            ObjectNode body = connector.deepCopy();
            body.setAll((ObjectNode) JSON.readTree(change));
            connectors.add(JSON.writeValueAsString(body));
        }
        for (String operation : List.of(
                "PUT /allot/v1/directorySync/connector",
                "POST /allot/v1/directorySync/connector/testConnection",
                "POST /allot/v1/directorySync/connector/preview")) {
            ruleBreakingBodies.put(operation, connectors);
        }
        ruleBreakingBodies.put(
                "PATCH /allot/v1/settings",
                List.of("{\"syncDeleteThreshold\":99999999999}", "{\"syncLicenseLossThreshold\":-1}"));
        return ruleBreakingBodies;
    }
}
