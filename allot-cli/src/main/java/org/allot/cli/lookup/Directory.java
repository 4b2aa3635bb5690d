package org.allot.cli.lookup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.api.extensions.ProductResource;
import org.allot.api.graph.GroupResource;
import org.allot.api.graph.SubscribedSkuResource;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;

/** Finds what commands name: users by id or userPrincipalName, groups by id or display name, products. */
public final class Directory {
    public static final String USER_LICENSES =
            "id,userPrincipalName,displayName,userType,usageLocation,accountEnabled,onPremisesSyncEnabled,"
                    + "assignedLicenses,licenseAssignmentStates";
    public static final String GROUP_LICENSES = "id,displayName,description,assignedLicenses,licenseProcessingState";

    private final Api api;
    private final Map<String, String> groupNames = new ConcurrentHashMap<>();
    private Products products;

    public Directory(Api api) {
        this.api = api;
    }

    public UserResource user(String idOrName, String select) {
        try {
            return api.get(
                    Query.of(Query.path("/v1.0/users", idOrName.strip())).with("$select", select), UserResource.class);
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No user '" + idOrName + "'.") : e;
        }
    }

    /** A group by id, or by its display name when that names exactly one group. */
    public GroupResource group(String idOrName, String select) {
        String name = idOrName.strip();
        if (isGuid(name)) {
            try {
                return api.get(Query.of(Query.path("/v1.0/groups", name)).with("$select", select), GroupResource.class);
            } catch (ApiError e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        List<GroupResource> named = api.list(
                Query.of("/v1.0/groups")
                        .with("$filter", "displayName eq " + Query.literal(name))
                        .with("$select", select),
                GroupResource.class);
        if (named.isEmpty()) {
            throw Failure.notFound("No group '" + name + "'.");
        }
        if (named.size() > 1) {
            throw Failure.usage(named.size() + " groups are named '" + name + "': give the id of one: "
                    + String.join(", ", named.stream().map(GroupResource::id).toList()) + ".");
        }
        return named.get(0);
    }

    /**
     * A collection filtered with the user's own OData {@code $filter} (when {@code userFilter}): the server refusing
     * it is a usage error.
     */
    public <T> List<T> search(Query query, Class<T> type, int top, boolean userFilter) {
        try {
            return api.list(query, type, top);
        } catch (ApiError e) {
            if (userFilter && e.status() == 400) {
                throw new Failure(Exit.USAGE, e.code(), "The server refused the filter: " + e.getMessage());
            }
            throw e;
        }
    }

    /** The display name of a group id (looked up once). */
    public String groupName(String id) {
        return groupNames.computeIfAbsent(id, g -> {
            try {
                return api.get(
                                Query.of(Query.path("/v1.0/groups", g)).with("$select", "displayName"),
                                GroupResource.class)
                        .displayName();
            } catch (ApiError e) {
                return g;
            }
        });
    }

    /** The tenant's products: the subscribed SKUs, then the catalogue (fetched once). */
    public synchronized Products products() {
        if (products == null) {
            products = new Products(api.list("/v1.0/subscribedSkus", SubscribedSkuResource.class), this::catalogue);
        }
        return products;
    }

    private Optional<Products.Sku> catalogue(String idOrPartNumber) {
        try {
            ProductResource p = api.get(Query.path("/allot/v1/products", idOrPartNumber), ProductResource.class);
            return Optional.of(new Products.Sku(
                    p.skuId(), p.skuPartNumber(), p.servicePlans() == null ? List.of() : p.servicePlans()));
        } catch (ApiError e) {
            if (Exit.forResponse(e.status(), e.code()) == Exit.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public static boolean isGuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
