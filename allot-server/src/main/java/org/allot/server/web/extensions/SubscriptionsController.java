package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import org.allot.api.extensions.SubscriptionRequest;
import org.allot.api.extensions.SubscriptionUpdate;
import org.allot.api.graph.CompanySubscription;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Buying seats: add a subscription, change its seats or its status. Freed or added seats go to waiting lists at once. */
@RestController
@RequestMapping(path = "/allot/v1/subscriptions", produces = "application/json")
public class SubscriptionsController {
    private final UnitOfWork work;
    private final SubscriptionBook book;
    private final ProductCatalog catalog;
    private final Responses responses;

    public SubscriptionsController(
            UnitOfWork work, SubscriptionBook book, ProductCatalog catalog, Responses responses) {
        this.work = work;
        this.book = book;
        this.catalog = catalog;
        this.responses = responses;
    }

    @PostMapping
    public ResponseEntity<ObjectNode> add(
            ApiCaller caller, @RequestBody SubscriptionRequest body, HttpServletRequest request) {
        if (body.seats() == null) {
            throw new BadRequest("A subscription needs 'seats'.");
        }
        SubscriptionStatus status = status(body.status() == null ? "Enabled" : body.status());
        Instant next = body.nextLifecycleDateTime() == null
                ? null
                : body.nextLifecycleDateTime().toInstant();
        Subscription s = Refused.orRefuse(work.run(() -> {
            SkuId sku = sku(caller, body.skuId(), body.skuPartNumber());
            return book.add(caller.caller(), sku, body.seats(), status, Boolean.TRUE.equals(body.isTrial()), next);
        }));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(responses.entity(request, "subscriptions/$entity", view(caller, s)));
    }

    @PatchMapping("/{id}")
    public ObjectNode update(
            ApiCaller caller,
            @PathVariable String id,
            @RequestBody SubscriptionUpdate body,
            HttpServletRequest request) {
        if (body.seats() == null && body.status() == null) {
            throw new BadRequest("Send 'seats', 'status' or both.");
        }
        SubscriptionId subscription = new SubscriptionId(RequestBodies.idOrNotFound(id));
        SubscriptionStatus status = body.status() == null ? null : status(body.status());
        Subscription s = Refused.orRefuse(work.run(() -> {
            var outcome = body.seats() == null
                    ? book.setStatus(caller.caller(), subscription, status)
                    : book.setSeats(caller.caller(), subscription, body.seats());
            return outcome.isDone() && body.seats() != null && status != null
                    ? book.setStatus(caller.caller(), subscription, status)
                    : outcome;
        }));
        return responses.entity(request, "subscriptions/$entity", view(caller, s));
    }

    private SkuId sku(ApiCaller caller, String skuId, String partNumber) {
        Catalog products = catalog.forTenant(caller.tenant());
        Optional<Product> product = skuId != null
                ? RequestBodies.uuid(skuId).flatMap(u -> products.find(new SkuId(u)))
                : products.findByPartNumber(partNumber);
        if (skuId == null && partNumber == null) {
            throw new BadRequest("Name the product with 'skuId' or 'skuPartNumber'.");
        }
        return product.map(Product::skuId)
                .orElseThrow(() -> new BadRequest("No product " + (skuId != null ? skuId : partNumber)
                        + " in the catalogue: see GET /allot/v1/products."));
    }

    private CompanySubscription view(ApiCaller caller, Subscription s) {
        Product product = catalog.forTenant(caller.tenant()).find(s.skuId()).orElse(null);
        return new CompanySubscription(
                s.id().toString(),
                s.createdDateTime().atOffset(java.time.ZoneOffset.UTC),
                s.id().toString(),
                s.isTrial(),
                s.nextLifecycleDateTime() == null
                        ? null
                        : s.nextLifecycleDateTime().atOffset(java.time.ZoneOffset.UTC),
                null,
                caller.tenant().toString(),
                "Company",
                null,
                s.skuId().toString(),
                product == null ? null : product.skuPartNumber(),
                s.status().name(),
                s.totalLicenses());
    }

    private static SubscriptionStatus status(String value) {
        for (SubscriptionStatus s : SubscriptionStatus.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new BadRequest("'" + value + "' is not a status: Enabled, Warning, Suspended, LockedOut or Deleted.");
    }
}
