package org.allot.server.web.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.core.Rejection;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.UserAttribute;
import tools.jackson.databind.JsonNode;

/**
 * Reads request bodies into the core's terms, naming exactly what is wrong: properties that do not exist, that
 * cannot be set, or that have the wrong type. Values are then checked by the core.
 */
public final class RequestBodies {
    private static final Set<String> USER_READ_ONLY = Set.of(
            "id",
            "createdDateTime",
            "deletedDateTime",
            "assignedLicenses",
            "assignedPlans",
            "licenseAssignmentStates",
            "onPremisesSyncEnabled",
            "onPremisesSamAccountName",
            "onPremisesUserPrincipalName",
            "onPremisesDistinguishedName",
            "onPremisesDomainName",
            "onPremisesLastSyncDateTime",
            "onPremisesSecurityIdentifier",
            "onPremisesProvisioningErrors",
            "provisionedPlans",
            "securityIdentifier");
    private static final Set<String> USER_NOT_STORED =
            Set.of("businessPhones", "mobilePhone", "officeLocation", "preferredLanguage");
    /** Sign-in is not Allot's business: the password of a new user is accepted and not kept. */
    private static final Set<String> USER_IGNORED = Set.of("passwordProfile", "passwordPolicies", "identities");

    private static final Set<String> GROUP_READ_ONLY = Set.of(
            "id",
            "createdDateTime",
            "assignedLicenses",
            "licenseProcessingState",
            "onPremisesSyncEnabled",
            "onPremisesDomainName",
            "onPremisesLastSyncDateTime",
            "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier",
            "onPremisesNetBiosName",
            "onPremisesProvisioningErrors",
            "securityIdentifier",
            "mail");
    private static final Pattern REFERENCE =
            Pattern.compile("(?i)^(?:https?://[^/]+)?(?:/v1\\.0)?/(?:directoryObjects|users|groups)/([0-9a-f-]{36})$");
    private static final int MAX_LICENSES = 100;

    private RequestBodies() {}

    /** A group's attributes, its types if given, and the members bound to it ({@code members@odata.bind}). */
    record GroupBody(
            Map<GroupAttribute, Object> values, Set<String> groupTypes, boolean groupTypesGiven, List<UUID> members) {}

    public record LicenseChange(List<AssignedLicense> add, List<SkuId> remove) {}

    public static Map<UserAttribute, Object> user(JsonNode body) {
        requireObject(body);
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (name.equals("@odata.type")) {
                requireType(field.getValue(), "microsoft.graph.user");
                continue;
            }
            if (USER_IGNORED.contains(name)) {
                continue;
            }
            if (USER_READ_ONLY.contains(name)) {
                throw readOnly(name);
            }
            if (USER_NOT_STORED.contains(name)) {
                throw new BadRequest("Property '" + name + "' is not stored by Allot; leave it out.");
            }
            if (name.equals("onPremisesExtensionAttributes")) {
                extensions(field.getValue(), values);
                continue;
            }
            UserAttribute attribute = UserAttribute.byGraphName(name)
                    .filter(a -> a.graphName().equals(name) && a.extension() == 0)
                    .orElseThrow(() -> unknown(name, "microsoft.graph.user"));
            values.put(
                    attribute, value(field.getValue(), attribute.kind() == UserAttribute.Kind.BOOLEAN, name, "User"));
        }
        return values;
    }

    /** {@code onPremisesExtensionAttributes}: an object of {@code extensionAttribute1}..{@code 15}, text or null. */
    private static void extensions(JsonNode object, Map<UserAttribute, Object> values) {
        if (!object.isObject()) {
            throw new BadRequest("Property 'onPremisesExtensionAttributes' is an object of extensionAttribute1 to"
                    + " extensionAttribute15.");
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (name.equals("@odata.type")) {
                requireType(field.getValue(), "microsoft.graph.onPremisesExtensionAttributes");
                continue;
            }
            UserAttribute attribute = UserAttribute.byGraphName(name)
                    .filter(a -> a.graphName().equals(name) && a.extension() > 0)
                    .orElseThrow(() -> unknown(name, "microsoft.graph.onPremisesExtensionAttributes"));
            values.put(attribute, value(field.getValue(), false, name, "User"));
        }
    }

    static GroupBody group(JsonNode body) {
        requireObject(body);
        Map<GroupAttribute, Object> values = new LinkedHashMap<>();
        Set<String> types = new LinkedHashSet<>();
        boolean typesGiven = false;
        List<UUID> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (name.equals("@odata.type")) {
                requireType(field.getValue(), "microsoft.graph.group");
                continue;
            }
            if (name.equals("members@odata.bind")) {
                if (!field.getValue().isArray()) {
                    throw new BadRequest("'members@odata.bind' is a list of references such as"
                            + " \"https://graph.microsoft.com/v1.0/directoryObjects/{id}\".");
                }
                for (JsonNode reference : field.getValue()) {
                    members.add(referenced(reference));
                }
                continue;
            }
            if (GROUP_READ_ONLY.contains(name)) {
                throw readOnly(name);
            }
            if (name.equals("groupTypes")) {
                typesGiven = true;
                JsonNode array = field.getValue();
                if (!array.isArray() || array.size() > 10) {
                    throw invalid("groupTypes", "Group");
                }
                for (JsonNode t : array) {
                    if (!t.isString()) {
                        throw invalid("groupTypes", "Group");
                    }
                    types.add(t.asString());
                }
                continue;
            }
            GroupAttribute attribute = GroupAttribute.byGraphName(name)
                    .filter(a -> a.graphName().equals(name))
                    .orElseThrow(() -> unknown(name, "microsoft.graph.group"));
            values.put(attribute, value(field.getValue(), attribute.isBoolean(), name, "Group"));
        }
        return new GroupBody(values, types, typesGiven, List.copyOf(members));
    }

    /** The body of assignLicense: {@code addLicenses} and {@code removeLicenses}, both optional lists. */
    public static LicenseChange licenses(JsonNode body) {
        requireObject(body);
        List<AssignedLicense> add = new ArrayList<>();
        List<SkuId> remove = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            switch (field.getKey()) {
                case "addLicenses" -> {
                    for (JsonNode license : array(field.getValue(), "addLicenses")) {
                        add.add(license(license));
                    }
                }
                case "removeLicenses" -> {
                    for (JsonNode sku : array(field.getValue(), "removeLicenses")) {
                        remove.add(new SkuId(guid(sku, "removeLicenses")));
                    }
                }
                default ->
                    throw new BadRequest("Property '" + field.getKey()
                            + "' does not exist in an assignLicense request: send addLicenses and removeLicenses.");
            }
        }
        return new LicenseChange(add, remove);
    }

    /** The object id named by the {@code @odata.id} of a {@code $ref} request. */
    static UUID reference(JsonNode body) {
        requireObject(body);
        JsonNode id = body.get("@odata.id");
        if (id == null || !id.isString()) {
            throw new BadRequest(
                    "A reference needs '@odata.id', e.g. \"https://graph.microsoft.com/v1.0/directoryObjects/{id}\".");
        }
        return referenced(id);
    }

    /** The object id of a reference URL (as in {@code @odata.id} or {@code members@odata.bind}). */
    private static UUID referenced(JsonNode id) {
        if (!id.isString()) {
            throw new BadRequest("'@odata.id' must end with /directoryObjects/{id}, /users/{id} or /groups/{id}.");
        }
        Matcher m = REFERENCE.matcher(id.asString().strip());
        if (!m.matches()) {
            throw new BadRequest("'@odata.id' must end with /directoryObjects/{id}, /users/{id} or /groups/{id}.");
        }
        return UUID.fromString(m.group(1));
    }

    /** An id in a path; anything that is not a GUID is a resource that does not exist (404). */
    public static UUID idOrNotFound(String value) {
        return uuid(value).orElseThrow(() -> new Refused(Rejection.notFound(value)));
    }

    public static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AssignedLicense license(JsonNode node) {
        if (!node.isObject()) {
            throw new BadRequest("Each entry of addLicenses is an object with skuId and disabledPlans.");
        }
        UUID sku = null;
        Set<ServicePlanId> disabled = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            switch (field.getKey()) {
                case "skuId" -> sku = guid(field.getValue(), "skuId");
                case "disabledPlans" -> {
                    for (JsonNode plan : array(field.getValue(), "disabledPlans")) {
                        disabled.add(new ServicePlanId(guid(plan, "disabledPlans")));
                    }
                }
                case "@odata.type" -> requireType(field.getValue(), "microsoft.graph.assignedLicense");
                default ->
                    throw new BadRequest("Property '" + field.getKey()
                            + "' does not exist on type 'microsoft.graph.assignedLicense'.");
            }
        }
        if (sku == null) {
            throw new BadRequest("Each entry of addLicenses needs a skuId.");
        }
        return new AssignedLicense(new SkuId(sku), disabled);
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequest("'" + name + "' must be an array.");
        }
        if (node.size() > MAX_LICENSES) {
            throw new BadRequest("'" + name + "' takes at most " + MAX_LICENSES + " entries.");
        }
        return node;
    }

    private static UUID guid(JsonNode node, String name) {
        if (node != null && node.isString()) {
            Optional<UUID> id = uuid(node.asString());
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new BadRequest("Invalid value in '" + name + "': expected a GUID such as"
                + " \"6fd2c87f-b296-42f0-b197-1e91e994b900\" but found " + node + ".");
    }

    private static Object value(JsonNode node, boolean bool, String name, String resource) {
        if (node.isNull()) {
            return null;
        }
        if (bool ? node.isBoolean() : node.isString()) {
            return bool ? node.asBoolean() : node.asString();
        }
        throw invalid(name, resource);
    }

    /** An {@code @odata.type} in a body must name the type the body is, with or without its leading '#'. */
    public static void requireType(JsonNode type, String name) {
        String value = type.isString() ? type.asString() : "";
        if (!value.equalsIgnoreCase(name) && !value.equalsIgnoreCase("#" + name)) {
            throw new BadRequest("'@odata.type' must be \"#" + name + "\" in this request.");
        }
    }

    public static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object.");
        }
    }

    public static BadRequest readOnly(String name) {
        return new BadRequest("Property '" + name + "' is read-only and cannot be set.");
    }

    public static BadRequest unknown(String name, String type) {
        return new BadRequest("Property '" + name + "' does not exist on type '" + type + "'.");
    }

    public static BadRequest invalid(String name, String resource) {
        return new BadRequest("Invalid value specified for property '" + name + "' of resource '" + resource + "'.");
    }
}
