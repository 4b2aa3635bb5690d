package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.User;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.query.Entity;
import org.allot.core.query.Page;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionId;
import org.allot.server.security.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Graph's directory: deleted users (restore, purge), the tenant's subscriptions, and the organization. */
@RestController
@RequestMapping(path = "/v1.0", produces = "application/json")
public class DirectoryController {
    /** The properties of Graph's companySubscription, all returned by default. */
    private static final Set<String> SUBSCRIPTION_PROPERTIES =
            java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
                    "commerceSubscriptionId",
                    "createdDateTime",
                    "id",
                    "isTrial",
                    "nextLifecycleDateTime",
                    "ownerId",
                    "ownerTenantId",
                    "ownerType",
                    "serviceStatus",
                    "skuId",
                    "skuPartNumber",
                    "status",
                    "totalLicenses")));

    private final UserDirectory directory;
    private final LicensedDirectory reads;
    private final TenantDirectory tenants;
    private final SubscriptionBook book;
    private final ProductCatalog catalog;
    private final Responses responses;

    public DirectoryController(
            UserDirectory directory,
            LicensedDirectory reads,
            TenantDirectory tenants,
            SubscriptionBook book,
            ProductCatalog catalog,
            Responses responses) {
        this.directory = directory;
        this.reads = reads;
        this.tenants = tenants;
        this.book = book;
        this.catalog = catalog;
        this.responses = responses;
    }

    @GetMapping({"/directory/deletedItems/microsoft.graph.user", "/directory/deletedItems/microsoft.graph.user/"})
    public ObjectNode deletedUsers(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, UserResources.USER_PROPERTIES, ODataQuery.ALL);
        Page<LicensedUser> page =
                reads.users(caller.tenant(), query.toQuery(), true, UserResources.licensesSelected(query));
        Set<String> defaults = new LinkedHashSet<>(UserResources.USER_DEFAULT);
        defaults.add("deletedDateTime");
        return responses.page(
                request,
                "directory/deletedItems/microsoft.graph.user",
                UserResources.users(page.rows()),
                query,
                defaults,
                page.count(),
                page.next());
    }

    @GetMapping("/directory/deletedItems/{id}")
    public ObjectNode deletedItem(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        LicensedUser user = reads.deletedUser(caller.tenant(), deletedId(id))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "directoryObjects/$entity", UserResources.user(user));
    }

    @PostMapping("/directory/deletedItems/{id}/restore")
    public ObjectNode restore(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        User user = Refused.orRefuse(directory.restore(caller.caller(), deletedId(id)));
        return responses.entity(
                request,
                "directoryObjects/$entity",
                UserResources.user(LicensedUser.withoutLicenses(user)),
                null,
                UserResources.USER_DEFAULT);
    }

    @DeleteMapping("/directory/deletedItems/{id}")
    public ResponseEntity<Void> purge(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(directory.purge(caller.caller(), deletedId(id)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/directory/subscriptions")
    public ObjectNode subscriptions(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, SUBSCRIPTION_PROPERTIES, ODataQuery.SELECT_ONLY);
        List<Subscription> subscriptions = book.subscriptions(caller.tenant());
        Catalog products = catalog.forTenant(caller.tenant());
        List<?> values = subscriptions.stream()
                .map(s -> SubscriptionResources.subscription(caller.tenant(), s, products))
                .toList();
        if (query.select() == null) {
            return responses.list(request, "directory/subscriptions", values);
        }
        return responses.page(request, "directory/subscriptions", values, query, SUBSCRIPTION_PROPERTIES, null, null);
    }

    @GetMapping("/directory/subscriptions/{id}")
    public ObjectNode subscription(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, SUBSCRIPTION_PROPERTIES, ODataQuery.SELECT_ONLY);
        Subscription s = RequestBodies.uuid(id)
                .flatMap(u -> book.subscription(caller.tenant(), new SubscriptionId(u)))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        Object value = SubscriptionResources.subscription(caller.tenant(), s, catalog.forTenant(caller.tenant()));
        if (query.select() == null) {
            return responses.entity(request, "directory/subscriptions/$entity", value);
        }
        return responses.entity(request, "directory/subscriptions/$entity", value, query, SUBSCRIPTION_PROPERTIES);
    }

    @GetMapping("/organization")
    public ObjectNode organizations(ApiCaller caller, HttpServletRequest request) {
        return responses.list(request, "organization", List.of(OrganizationResources.organization(tenant(caller))));
    }

    @GetMapping("/organization/{id}")
    public ObjectNode organization(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        Tenant tenant = tenant(caller);
        if (!tenant.id().toString().equalsIgnoreCase(id)) {
            throw new Refused(Rejection.notFound(id));
        }
        return responses.entity(request, "organization/$entity", OrganizationResources.organization(tenant));
    }

    private Tenant tenant(ApiCaller caller) {
        return tenants.find(caller.tenant()).orElseThrow(() -> new Refused(Rejection.notFound(caller.tenant())));
    }

    /** The id of a deleted item in a URL; anything else names nothing. */
    private static UserId deletedId(String id) {
        return new UserId(RequestBodies.idOrNotFound(id));
    }
}
