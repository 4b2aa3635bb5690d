package org.allot.server.web.extensions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.sync.ConnectorRequest;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * Reads the bodies of the directory sync endpoints strictly: a property that does not exist, that cannot be set or
 * that has the wrong type is named in a 400. The values themselves are checked by the sync service.
 */
final class ConnectorBodies {
    private static final String CONNECTOR = "allot.directorySyncConnector";
    private static final Set<String> READ_ONLY =
            Set.of("passwordSet", "createdDateTime", "lastModifiedDateTime", "requestedRun");
    private static final int MAX_BASE_DNS = 100;
    private static final int MAX_MAPPING = 100;

    private ConnectorBodies() {}

    /** A connector as a PUT or a connection test sends it; an absent or null password keeps the stored one. */
    static ConnectorRequest connector(JsonNode body) {
        RequestBodies.requireObject(body);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (READ_ONLY.contains(name)) {
                throw RequestBodies.readOnly(name);
            }
            if (name.equals("@odata.type")) {
                RequestBodies.requireType(field.getValue(), CONNECTOR);
            } else {
                fields.put(name, field.getValue());
            }
        }
        ConnectorRequest request = new ConnectorRequest(
                text(fields.remove("preset"), "preset"),
                text(fields.remove("url"), "url"),
                bool(fields.remove("startTls"), "startTls"),
                text(fields.remove("trustedCertificate"), "trustedCertificate"),
                text(fields.remove("bindDn"), "bindDn"),
                text(fields.remove("password"), "password"),
                dns(fields.remove("baseDns"), "baseDns"),
                text(fields.remove("userFilter"), "userFilter"),
                text(fields.remove("groupFilter"), "groupFilter"),
                mapping(fields.remove("mapping")),
                bool(fields.remove("enabled"), "enabled"),
                dns(fields.remove("excludedDns"), "excludedDns"),
                bool(fields.remove("softMatch"), "softMatch"),
                bool(fields.remove("staging"), "staging"),
                minutes(fields.remove("deletionCheckMinutes"), "deletionCheckMinutes"));
        if (!fields.isEmpty()) {
            throw RequestBodies.unknown(fields.keySet().iterator().next(), CONNECTOR);
        }
        return request;
    }

    /** The body of a request for a run: nothing, or {@code {"full": true}}. */
    static boolean full(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return false;
        }
        RequestBodies.requireObject(body);
        boolean full = false;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("full")) {
                throw new BadRequest("Property '" + field.getKey()
                        + "' does not exist in a request for a directory synchronization run: send 'full' or nothing.");
            }
            full = Boolean.TRUE.equals(bool(field.getValue(), "full"));
        }
        return full;
    }

    private static String text(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw RequestBodies.invalid(name, CONNECTOR);
        }
        return node.asString();
    }

    /** A boolean left out is null; an explicit null is refused, as for every number and boolean of the API. */
    private static Boolean bool(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw RequestBodies.invalid(name, CONNECTOR);
        }
        return node.asBoolean();
    }

    /**
     * A whole number of minutes; left out is null (the setting off), an explicit null is refused as for every number
     * of the API. The range is the service's to check.
     */
    private static Integer minutes(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        if (node.isNull() || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw RequestBodies.invalid(name, CONNECTOR);
        }
        return node.asInt();
    }

    private static List<String> dns(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_BASE_DNS) {
            throw new BadRequest(
                    "'" + name + "' must be an array of at most " + MAX_BASE_DNS + " distinguished names.");
        }
        List<String> dns = new ArrayList<>();
        for (JsonNode dn : node) {
            if (!dn.isString()) {
                throw RequestBodies.invalid(name, CONNECTOR);
            }
            dns.add(dn.asString());
        }
        return dns;
    }

    private static Map<String, String> mapping(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() > MAX_MAPPING) {
            throw new BadRequest("'mapping' must be an object of at most " + MAX_MAPPING
                    + " entries, each an attribute of Allot and the directory attributes it comes from.");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw new BadRequest("'mapping." + entry.getKey()
                        + "' must be a string: directory attributes separated by commas, or \"\" to sync nothing.");
            }
            mapping.put(entry.getKey(), entry.getValue().asString());
        }
        return mapping;
    }
}
