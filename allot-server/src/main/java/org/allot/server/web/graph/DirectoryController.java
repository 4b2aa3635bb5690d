package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allot.api.graph.CompanySubscription;
import org.allot.api.graph.Organization;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.User;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;
import org.allot.core.query.Entity;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.Subscriptions;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Deleted items (restore, delete for good), the tenant's subscriptions, and the organization. */
@RestController
@RequestMapping(path = "/v1.0", produces = "application/json")
public class DirectoryController {
    private final UnitOfWork work;
    private final UserDirectory directory;
    private final Users users;
    private final Tenants tenants;
    private final Subscriptions subscriptions;
    private final ProductCatalog catalog;
    private final DirectoryQueries queries;
    private final GraphViews views;
    private final Responses responses;

    public DirectoryController(
            UnitOfWork work,
            UserDirectory directory,
            Users users,
            Tenants tenants,
            Subscriptions subscriptions,
            ProductCatalog catalog,
            DirectoryQueries queries,
            GraphViews views,
            Responses responses) {
        this.work = work;
        this.directory = directory;
        this.users = users;
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.queries = queries;
        this.views = views;
        this.responses = responses;
    }

    @GetMapping({"/directory/deletedItems/microsoft.graph.user", "/directory/deletedItems/microsoft.graph.user/"})
    public ObjectNode deletedUsers(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, GraphViews.USER_PROPERTIES, ODataQuery.ALL);
        return work.read(() -> {
            var rows = queries.users(caller.tenant(), query.toQuery(), true);
            java.util.Set<String> defaults = new java.util.LinkedHashSet<>(GraphViews.USER_DEFAULT);
            defaults.add("deletedDateTime");
            return responses.page(
                    request,
                    "directory/deletedItems/microsoft.graph.user",
                    views.users(caller.tenant(), rows.rows(), query),
                    query,
                    defaults,
                    rows.count(),
                    rows.next());
        });
    }

    @GetMapping("/directory/deletedItems/{id}")
    public ObjectNode deletedItem(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return work.read(() -> responses.entity(
                request, "directoryObjects/$entity", views.user(caller.tenant(), deleted(caller, id))));
    }

    @PostMapping("/directory/deletedItems/{id}/restore")
    public ObjectNode restore(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        User user = Refused.orRefuse(work.run(
                () -> directory.restore(caller.caller(), deleted(caller, id).id())));
        return work.read(() -> responses.entity(
                request, "directoryObjects/$entity", views.user(caller.tenant(), user), null, GraphViews.USER_DEFAULT));
    }

    @DeleteMapping("/directory/deletedItems/{id}")
    public ResponseEntity<Void> purge(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(work.run(
                () -> directory.purge(caller.caller(), deleted(caller, id).id())));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/directory/subscriptions")
    public ObjectNode subscriptions(ApiCaller caller, HttpServletRequest request) {
        ODataQuery.of(request, null, java.util.Set.of(), java.util.Set.of());
        return work.read(() -> {
            Catalog products = catalog.forTenant(caller.tenant());
            List<CompanySubscription> list = new ArrayList<>();
            for (Subscription s : subscriptions.all(caller.tenant())) {
                list.add(subscription(caller, s, products));
            }
            return responses.list(request, "directory/subscriptions", list);
        });
    }

    @GetMapping("/directory/subscriptions/{id}")
    public ObjectNode subscription(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return work.read(() -> {
            Subscription s = RequestBodies.uuid(id)
                    .flatMap(
                            u -> subscriptions.find(caller.tenant(), new org.allot.core.subscription.SubscriptionId(u)))
                    .orElseThrow(() -> new Refused(Rejection.notFound(id)));
            return responses.entity(
                    request,
                    "directory/subscriptions/$entity",
                    subscription(caller, s, catalog.forTenant(caller.tenant())));
        });
    }

    @GetMapping("/organization")
    public ObjectNode organizations(ApiCaller caller, HttpServletRequest request) {
        return work.read(() -> responses.list(request, "organization", List.of(organization(tenant(caller)))));
    }

    @GetMapping("/organization/{id}")
    public ObjectNode organization(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        Tenant tenant = work.read(() -> tenant(caller));
        if (!tenant.id().toString().equalsIgnoreCase(id)) {
            throw new Refused(Rejection.notFound(id));
        }
        return responses.entity(request, "organization/$entity", organization(tenant));
    }

    private Tenant tenant(ApiCaller caller) {
        return tenants.find(caller.tenant()).orElseThrow(() -> new Refused(Rejection.notFound(caller.tenant())));
    }

    private static Organization organization(Tenant t) {
        String location = t.defaultUsageLocation() == null
                ? null
                : t.defaultUsageLocation().code();
        List<Organization.VerifiedDomain> domains = new ArrayList<>();
        for (int i = 0; i < t.verifiedDomains().size(); i++) {
            domains.add(new Organization.VerifiedDomain(
                    "Email, OfficeCommunicationsOnline",
                    i == 0,
                    i == 0,
                    t.verifiedDomains().get(i),
                    "Managed"));
        }
        return new Organization(
                t.id().toString(), t.name(), location, GraphViews.time(t.createdDateTime()), domains, location);
    }

    private CompanySubscription subscription(ApiCaller caller, Subscription s, Catalog products) {
        Product product = products.find(s.skuId()).orElse(null);
        return new CompanySubscription(
                s.id().toString(),
                GraphViews.time(s.createdDateTime()),
                s.id().toString(),
                s.isTrial(),
                GraphViews.time(s.nextLifecycleDateTime()),
                null,
                caller.tenant().toString(),
                "Company",
                null,
                s.skuId().toString(),
                product == null ? null : product.skuPartNumber(),
                s.status().name(),
                s.totalLicenses());
    }

    private User deleted(ApiCaller caller, String id) {
        UUID uuid = RequestBodies.idOrNotFound(id);
        return users.find(caller.tenant(), new UserId(uuid))
                .filter(User::isDeleted)
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }
}
