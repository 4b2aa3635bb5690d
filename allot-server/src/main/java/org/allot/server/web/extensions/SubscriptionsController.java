package org.allot.server.web.extensions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.allot.api.extensions.SubscriptionRequest;
import org.allot.api.extensions.SubscriptionUpdate;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.StrictJson;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.allot.server.web.graph.SubscriptionResources;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buying seats: add a subscription, list them with their terms, change seats, status or terms. Freed or added seats go
 * to waiting lists at once.
 */
@RestController
@RequestMapping(path = "/allot/v1/subscriptions", produces = "application/json")
public class SubscriptionsController {
    private final SubscriptionBook book;
    private final ProductCatalog catalog;
    private final Responses responses;
    private final JsonMapper json;

    public SubscriptionsController(
            SubscriptionBook book, ProductCatalog catalog, Responses responses, JsonMapper json) {
        this.book = book;
        this.catalog = catalog;
        this.responses = responses;
        this.json = StrictJson.of(json);
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
        SubscriptionTerms terms = new SubscriptionTerms(
                instant(body.startDateTime()),
                instant(body.endDateTime()),
                Boolean.TRUE.equals(body.autoRenew()),
                body.unitPrice(),
                body.currency());
        Subscription s = Refused.orRefuse(
                book.add(caller.caller(), sku, body.seats(), status, Boolean.TRUE.equals(body.isTrial()), next, terms));
        return responses.entity(
                request, "subscriptions/$entity", SubscriptionResources.withTerms(caller.tenant(), s, products));
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        Catalog products = catalog.forTenant(caller.tenant());
        return responses.list(
                request,
                "subscriptions",
                book.subscriptions(caller.tenant()).stream()
                        .map(s -> SubscriptionResources.withTerms(caller.tenant(), s, products))
                        .toList());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        Subscription s = book.subscription(caller.tenant(), new SubscriptionId(RequestBodies.idOrNotFound(id)))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(
                request,
                "subscriptions/$entity",
                SubscriptionResources.withTerms(caller.tenant(), s, catalog.forTenant(caller.tenant())));
    }

    @PatchMapping("/{id}")
    public ObjectNode update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = SubscriptionUpdate.class) @RequestBody JsonNode raw,
            HttpServletRequest request) {
        SubscriptionUpdate body = update(raw, request);
        // "endDateTime": null removes the end date; left out, it stays
        boolean removeEnd = raw.has("endDateTime") && raw.get("endDateTime").isNull();
        boolean termsGiven = body.endDateTime() != null
                || removeEnd
                || body.autoRenew() != null
                || body.unitPrice() != null
                || body.currency() != null;
        if (body.seats() == null && body.status() == null && !termsGiven) {
            throw new BadRequest(
                    "Send 'seats', 'status', 'endDateTime' (null removes it), 'autoRenew', or 'unitPrice' with"
                            + " 'currency'.");
        }
        SubscriptionId subscription = new SubscriptionId(RequestBodies.idOrNotFound(id));
        SubscriptionStatus status = body.status() == null ? null : status(body.status());
        UnaryOperator<SubscriptionTerms> terms =
                termsGiven ? t -> removeEnd ? changed(t, body).withEnd(null) : changed(t, body) : null;
        Subscription s = Refused.orRefuse(book.change(caller.caller(), subscription, body.seats(), status, terms));
        return responses.entity(
                request,
                "subscriptions/$entity",
                SubscriptionResources.withTerms(caller.tenant(), s, catalog.forTenant(caller.tenant())));
    }

    /**
     * The update the body gives, bound as every request body is (unknown properties and wrong types answered by {@link
     * org.allot.server.web.graph.GraphErrors} with Graph's messages); read as a tree first to tell an explicit null.
     */
    private SubscriptionUpdate update(JsonNode raw, HttpServletRequest request) {
        RequestBodies.requireObject(raw);
        try {
            return json.treeToValue(raw, SubscriptionUpdate.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(
                    "The request body is not a subscription update", e, new ServletServerHttpRequest(request));
        }
    }

    /** The terms with what the update gives; the price and its currency go together. */
    private static SubscriptionTerms changed(SubscriptionTerms t, SubscriptionUpdate body) {
        SubscriptionTerms changed = t;
        if (body.endDateTime() != null) {
            changed = changed.withEnd(body.endDateTime().toInstant());
        }
        if (body.autoRenew() != null) {
            changed = changed.withAutoRenew(body.autoRenew());
        }
        if (body.unitPrice() != null || body.currency() != null) {
            changed = changed.withPrice(body.unitPrice(), body.currency());
        }
        return changed;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
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
