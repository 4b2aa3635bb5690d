package org.allot.server.web.extensions;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import org.allot.api.extensions.SubscriptionRequest;
import org.allot.api.extensions.SubscriptionUpdate;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.allot.server.web.graph.SubscriptionResources;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Buying seats: add a subscription, change its seats or its status. Freed or added seats go to waiting lists at once. */
@RestController
@RequestMapping(path = "/allot/v1/subscriptions", produces = "application/json")
public class SubscriptionsController {
    private final SubscriptionBook book;
    private final ProductCatalog catalog;
    private final Responses responses;

    public SubscriptionsController(SubscriptionBook book, ProductCatalog catalog, Responses responses) {
        this.book = book;
        this.catalog = catalog;
        this.responses = responses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode add(ApiCaller caller, @RequestBody SubscriptionRequest body, HttpServletRequest request) {
        if (body.seats() == null) {
            throw new BadRequest("A subscription needs 'seats'.");
        }
        SubscriptionStatus status = status(body.status() == null ? "Enabled" : body.status());
        Instant next = body.nextLifecycleDateTime() == null
                ? null
                : body.nextLifecycleDateTime().toInstant();
        Catalog products = catalog.forTenant(caller.tenant());
        SkuId sku = sku(products, body.skuId(), body.skuPartNumber());
        Subscription s = Refused.orRefuse(
                book.add(caller.caller(), sku, body.seats(), status, Boolean.TRUE.equals(body.isTrial()), next));
        return responses.entity(
                request, "subscriptions/$entity", SubscriptionResources.subscription(caller.tenant(), s, products));
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
        Subscription s = Refused.orRefuse(book.change(caller.caller(), subscription, body.seats(), status));
        return responses.entity(
                request,
                "subscriptions/$entity",
                SubscriptionResources.subscription(caller.tenant(), s, catalog.forTenant(caller.tenant())));
    }

    private static SkuId sku(Catalog products, String skuId, String partNumber) {
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

    private static SubscriptionStatus status(String value) {
        for (SubscriptionStatus s : SubscriptionStatus.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new BadRequest("'" + value + "' is not a status: Enabled, Warning, Suspended, LockedOut or Deleted.");
    }
}
